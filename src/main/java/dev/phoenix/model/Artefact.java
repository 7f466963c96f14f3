package dev.phoenix.model;

import java.util.List;

/** Something built once and promoted unchanged: an image, a Lambda package or a machine image. */
public sealed interface Artefact
    permits Artefact.ContainerImage, Artefact.LambdaPackage, Artefact.MachineImage {

  String name();

  /** The artefact version as written; {@link ArtefactVersion#parse} says whether it is well formed. */
  String version();

  List<Assurance> assurance();

  Source source();

  /** The lockfile's {@code type} word for this kind. */
  String type();

  record ContainerImage(
      String name, String version, ImageReference image, Source source, List<Assurance> assurance)
      implements Artefact {
    @Override
    public String type() {
      return "container-image";
    }
  }

  record LambdaPackage(
      String name, String version, S3ObjectVersion s3, Source source, List<Assurance> assurance)
      implements Artefact {
    @Override
    public String type() {
      return "lambda-package";
    }
  }

  record MachineImage(
      String name, String version, String ami, String region, Source source, List<Assurance> assurance)
      implements Artefact {
    @Override
    public String type() {
      return "machine-image";
    }
  }
}
