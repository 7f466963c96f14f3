package dev.phoenix.aws.secrets;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Brings a pinned secret version into a mirror region, as a Secrets Manager replica or as a copy.
 *
 * <p>A <b>replica</b> ({@link #mirror} with replication wanted, or a replica already there): the
 * secret is replicated with ReplicateSecretToRegions (never overwriting a secret of that name in
 * the mirror) and the replica is used while it holds the pinned version id: its ARN in the mirror
 * region and the same version id. A <b>copy</b>: the secret of the same name there gets a version
 * with the <em>same</em> version id (the source's id is the request token, which Secrets Manager
 * makes the version id and treats idempotently). When a replica owns the name but lacks the pinned
 * version (a replica follows its primary; a version the primary dropped is not in it), the copy goes
 * to {@code <name>}{@value #FALLBACK_SUFFIX} instead.
 *
 * <p>The value is read from the source and written to the mirror only: never returned, logged or
 * put in a message.
 */
public final class SecretCopies {
  /** The name of a copy when a replica owns the secret's own name in the mirror region. */
  public static final String FALLBACK_SUFFIX = "-phoenix-copy";
  /** How long a new replica may take to show the pinned version before a copy is made instead. */
  private static final java.time.Duration REPLICA_WAIT = java.time.Duration.ofSeconds(60);
  private final SecretsManagerClient source;
  private final SecretsManagerClient mirror;

  SecretCopies(SecretsManagerClient source, SecretsManagerClient mirror) {
    this.source = source;
    this.mirror = mirror;
  }

  /**
   * The copy: the mirror secret's ARN and version id, and whether it was already there;
   * {@code replica}: the mirror secret is a replica of the source; {@code note}: why a copy was made
   * although a replica was wanted or found (null otherwise). Never a value.
   */
  public record Copy(String arn, String versionId, boolean alreadyThere, boolean replica, String note) {
    public Copy(String arn, String versionId, boolean alreadyThere) {
      this(arn, versionId, alreadyThere, false, null);
    }
  }

  /** The name a secret id stands for: an ARN's name without Secrets Manager's 6-character suffix. */
  public static String nameOf(String secretId) {
    if (!secretId.startsWith("arn:")) {
      return secretId;
    }
    int at = secretId.indexOf(":secret:");
    String name = at < 0 ? secretId : secretId.substring(at + 8);
    return name.matches(".*-[A-Za-z0-9]{6}") ? name.substring(0, name.length() - 7) : name;
  }

  /**
   * The pinned version in {@code region} (this copier's mirror): the replica there when there is one
   * holding the version, else (with {@code replicate}) a new replica when Secrets Manager agrees, else
   * a copy. Throws an AwsException when neither can be made.
   */
  public Copy mirror(String secretId, String versionId, String region, boolean replicate) {
    String name = nameOf(secretId);
    // two versions of one secret mirrored at once: one of them decides replica or copy, the other follows
    synchronized (ONE_AT_A_TIME.computeIfAbsent(region + " " + name, k -> new Object())) {
      return mirrorOne(secretId, name, versionId, region, replicate);
    }
  }

  private static final java.util.concurrent.ConcurrentMap<String, Object> ONE_AT_A_TIME =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Copy mirrorOne(String secretId, String name, String versionId, String region, boolean replicate) {
    Replica there = replicaIn(name);
    if (there == null && replicate && !exists(name)) {
      String refused = replicate(secretId, region);
      if (refused != null) {
        Copy c = copyInto(name, secretId, versionId);
        return new Copy(c.arn(), c.versionId(), c.alreadyThere(), false, "replication refused (" + refused + "): copied");
      }
      there = awaitReplica(name, versionId);
      if (there != null && there.versions().contains(versionId)) {
        return new Copy(there.arn(), versionId, false, true, null);
      }
    }
    if (there == null) {
      return copyInto(name, secretId, versionId);
    }
    if (there.versions().contains(versionId) || versionExists(name, versionId)) {
      return new Copy(there.arn(), versionId, true, true, null);
    }
    Copy c = copyInto(name + FALLBACK_SUFFIX, secretId, versionId);
    return new Copy(c.arn(), c.versionId(), c.alreadyThere(), false,
        "the replica in " + region + " lacks version " + versionId + ": copied to " + name + FALLBACK_SUFFIX);
  }

  /** A replica's ARN in the mirror region and the version ids it lists (staging labels or not). */
  private record Replica(String arn, java.util.Set<String> versions) {}

  /** The mirror secret of {@code name} when it is a replica (its primary region is another), else null. */
  private Replica replicaIn(String name) {
    try {
      var d = mirror.describeSecret(b -> b.secretId(name));
      if (d.primaryRegion() == null || d.primaryRegion().isEmpty() || d.arn() == null
          || d.arn().contains(":" + d.primaryRegion() + ":")) {
        return null;
      }
      return new Replica(d.arn(), java.util.Set.copyOf(d.versionIdsToStages().keySet()));
    } catch (ResourceNotFoundException e) {
      return null;
    } catch (SdkException e) {
      throw SecretDescriptions.translate("DescribeSecret " + name + " (mirror)", e, true);
    }
  }

  private boolean exists(String name) {
    try {
      mirror.describeSecret(b -> b.secretId(name));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    } catch (SdkException e) {
      throw SecretDescriptions.translate("DescribeSecret " + name + " (mirror)", e, true);
    }
  }

  /** Asks the source to replicate into {@code region}; null when it agreed, else why not (no value in it). */
  private String replicate(String secretId, String region) {
    try {
      var r = source.replicateSecretToRegions(b -> b.secretId(secretId).addReplicaRegions(a -> a.region(region))
          .forceOverwriteReplicaSecret(false));
      for (var status : r.replicationStatus()) {
        if (region.equals(status.region()) && "Failed".equalsIgnoreCase(status.statusAsString())) {
          return "ReplicateSecretToRegions: " + status.statusMessage();
        }
      }
      return null;
    } catch (SdkException e) {
      return SecretDescriptions.translate("ReplicateSecretToRegions " + secretId + " to " + region, e, false).getMessage();
    }
  }

  /** The new replica once it lists {@code versionId} (replication is asynchronous on AWS), or as it is at the wait's end. */
  private Replica awaitReplica(String name, String versionId) {
    long end = System.nanoTime() + REPLICA_WAIT.toNanos();
    Replica r = replicaIn(name);
    while ((r == null || !r.versions().contains(versionId)) && System.nanoTime() < end) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return r;
      }
      r = replicaIn(name);
    }
    return r;
  }

  private boolean versionExists(String name, String versionId) {
    try {
      return SecretDescriptions.listedVersionIds(mirror, name).contains(versionId);
    } catch (SdkException e) {
      throw SecretDescriptions.translate("ListSecretVersionIds " + name + " (mirror)", e, true);
    }
  }

  /** A copy of the pinned version into the mirror secret of the same name (created when absent). */
  public Copy copy(String secretId, String versionId) {
    return copyInto(nameOf(secretId), secretId, versionId);
  }

  private Copy copyInto(String name, String secretId, String versionId) {
    String arn = existing(name, versionId);
    if (arn != null) {
      return new Copy(arn, versionId, true);
    }
    GetSecretValueResponse value;
    try {
      value = source.getSecretValue(b -> b.secretId(secretId).versionId(versionId));
    } catch (SdkException e) {
      throw SecretDescriptions.translate("GetSecretValue " + secretId + "@" + versionId, e, false);
    }
    try {
      try {
        arn = mirror.putSecretValue(b -> b.secretId(name).clientRequestToken(versionId)
            .secretString(value.secretString()).secretBinary(value.secretBinary())).arn();
      } catch (ResourceNotFoundException e) {
        try {
          arn = mirror.createSecret(b -> b.name(name).clientRequestToken(versionId)
              .secretString(value.secretString()).secretBinary(value.secretBinary())).arn();
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException raced) {
          // another version of the same secret, copied at the same time, created it first
          arn = mirror.putSecretValue(b -> b.secretId(name).clientRequestToken(versionId)
              .secretString(value.secretString()).secretBinary(value.secretBinary())).arn();
        }
      }
    } catch (SdkException e) {
      throw SecretDescriptions.translate("PutSecretValue " + name + "@" + versionId + " (mirror)", e, false);
    }
    return new Copy(arn, versionId, false);
  }

  /** The mirror secret's ARN when it has {@code versionId} (deprecated versions included), else null. */
  private String existing(String name, String versionId) {
    try {
      var described = mirror.describeSecret(b -> b.secretId(name)); // absent: not found (moto answers 500 to a list)
      if (described.versionIdsToStages().containsKey(versionId)) {
        return described.arn();
      }
      // every page: a secret rotated daily has more versions than one page holds
      return SecretDescriptions.listedVersionIds(mirror, name).contains(versionId) ? described.arn() : null;
    } catch (ResourceNotFoundException e) {
      return null;
    } catch (SdkException e) {
      throw SecretDescriptions.translate("DescribeSecret/ListSecretVersionIds " + name + " (mirror)", e, true);
    }
  }
}
