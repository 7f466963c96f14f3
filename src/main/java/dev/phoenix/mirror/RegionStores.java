package dev.phoenix.mirror;

import dev.phoenix.aws.ec2.Ec2Service;
import dev.phoenix.aws.ecr.EcrService;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.registry.RegistryClient;

/**
 * What a mirror run asks of the stores, per region. The run's {@code stores/Stores} (the one place
 * clients are built, keyed by region) answers it; the command hands it in and closes it.
 */
public interface RegionStores {
  /** The run's one registry client (ECR tokens first in its credential chain). */
  RegistryClient registry();

  S3Service s3(String region);

  SsmService ssm(String region);

  SecretsService secrets(String region);

  /** ECR keeps one client per region inside the service: a mirror registry's repositories. */
  EcrService ecr();
  /** RDS in {@code region}: the mirror's DB snapshot copies. */
  dev.phoenix.aws.rds.RdsService rds(String region);

  /** The datastore backup catalogs of {@code region} (the primary's: which backups a window needs). */
  java.util.List<dev.phoenix.check.BackupCatalog> backups(String region);

  /** EC2 keeps one client per region inside the service. */
  Ec2Service ec2();
}
