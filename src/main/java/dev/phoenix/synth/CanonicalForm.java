package dev.phoenix.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A stable text form of a request (field order fixed, maps sorted, every value length-prefixed so
 * no two requests share a form). Holds ARNs and references only, never a secret value; only its
 * hash is ever written.
 */
final class CanonicalForm {

  private final StringBuilder text = new StringBuilder();

  private CanonicalForm() {}

  static String of(SynthRequest request, Path outDir) {
    CanonicalForm form = new CanonicalForm();
    TargetOptions target = request.target();
    form.put("outDir", outDir.toString());
    form.put("region", target.region());
    form.put("prefix", target.namePrefix());
    form.put("account", target.accountId().orElse(""));
    Scope scope = target.scope();
    form.put("env", scope == null ? "" : scope.environment());
    form.put("drill", scope == null ? "" : scope.drillId());
    form.put("commit", scope == null ? "" : scope.commit());
    form.list("zoneIds", target.network().zoneIds());
    form.put("nat", target.network().natGateways().name());
    if (target.backend() instanceof StateBackend.S3 s3) {
      form.put("backend", "s3").put("bucket", s3.bucket()).put("keyPrefix", s3.keyPrefix());
      form.put("stateRegion", s3.region()).put("lockTable", s3.dynamodbTable());
    } else if (target.backend() instanceof StateBackend.Local local) {
      form.put("backend", "local").put("dir", local.dir().map(Path::toString).orElse(""));
    }
    for (StackSpec stack : request.stacks()) {
      form.put("stack", stack.name()).list("dependsOn", stack.dependsOn());
      for (ServiceSpec s : stack.services()) {
        form.put("service", s.name()).put("image", s.image()).put("port", "" + s.port());
        form.put("version", s.artefactVersion()).put("grace", "" + s.healthGraceSeconds());
        form.put("exposed", "" + s.exposed()).put("health", s.exposed() ? s.healthPath() : "");
        form.put("registryCredentials", s.repositoryCredentials() == null ? "" : s.repositoryCredentials());
        form.list("taskPolicies", s.taskRole().managedPolicyArns()).put("cpu", "" + s.cpu());
        form.put("memory", "" + s.memory()).put("replicas", "" + s.replicas());
        form.map("env", s.env()).map("secrets", s.secrets()).grants(s.grants());
        if (!s.datastores().isEmpty()) {
          form.map("datastoreEnv", s.datastores());
        }
      }
      for (FunctionSpec f : stack.functions()) {
        form.put("function", f.name()).put("bucket", f.s3Bucket()).put("key", f.s3Key());
        form.put("version", f.s3ObjectVersion()).put("handler", f.handler());
        form.put("artefactVersion", f.artefactVersion()).put("sha256", f.sha256());
        form.put("timeout", "" + f.timeoutSeconds());
        form.put("runtime", f.runtime()).put("memory", "" + f.memoryMb());
        form.map("env", f.env()).grants(f.grants());
      }
      for (DatastoreSpec d : stack.datastores()) {
        datastore(form, d);
      }
    }
    return form.text.toString();
  }

  private static void datastore(CanonicalForm form, DatastoreSpec d) {
    form.put("datastore", d.name());
    if (d instanceof DatastoreSpec.RdsInstance r) {
      form.put("kind", "rds").put("engine", r.engine()).put("class", r.instanceClass()).put("port", "" + r.port());
      form.put("snapshot", r.snapshotIdentifier() == null ? "" : r.snapshotIdentifier());
      form.put("source", r.sourceInstance() == null ? "" : r.sourceInstance());
      form.put("at", r.restoreTime() == null ? "" : r.restoreTime().toString());
    } else if (d instanceof DatastoreSpec.DynamoPointInTime p) {
      form.put("kind", "dynamodb-pitr").put("source", p.sourceTable()).put("at", p.restoreTime().toString());
      form.put("hash", p.hashKey()).put("range", p.rangeKey() == null ? "" : p.rangeKey()).map("keys", p.keyTypes());
    } else if (d instanceof DatastoreSpec.DynamoFromBackup b) {
      form.put("kind", "dynamodb-backup").put("table", b.tableName()).put("backup", b.backupArn());
    }
  }

  private CanonicalForm put(String field, String value) {
    text.append(field).append('=').append(value.length()).append(':').append(value).append(';');
    return this;
  }

  private CanonicalForm list(String field, List<String> values) {
    put(field, Integer.toString(values.size()));
    values.forEach(value -> put("-", value));
    return this;
  }

  private CanonicalForm map(String field, Map<String, String> values) {
    put(field, Integer.toString(values.size()));
    new java.util.TreeMap<>(values).forEach((key, value) -> put(key, value));
    return this;
  }

  private CanonicalForm grants(Grants grants) {
    return list("parameterGrants", grants.parameterArns()).list("secretGrants", grants.secretArns())
        .list("kmsGrants", grants.kmsKeyArns());
  }
}
