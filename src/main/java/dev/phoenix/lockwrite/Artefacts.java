package dev.phoenix.lockwrite;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.Assurance;
import dev.phoenix.model.Source;
import java.util.List;

/** Copies of artefact records with one part changed. */
public final class Artefacts {
  private Artefacts() {}

  public static Artefact withAssurance(Artefact a, List<Assurance> assurance) {
    return with(a, a.version(), a.source(), assurance);
  }

  public static Artefact with(Artefact a, String version, Source source, List<Assurance> assurance) {
    if (a instanceof Artefact.ContainerImage c) {
      return new Artefact.ContainerImage(c.name(), version, c.image(), source, assurance);
    }
    if (a instanceof Artefact.LambdaPackage l) {
      return new Artefact.LambdaPackage(l.name(), version, l.s3(), source, assurance);
    }
    Artefact.MachineImage m = (Artefact.MachineImage) a;
    return new Artefact.MachineImage(m.name(), version, m.ami(), m.region(), source, assurance);
  }
}
