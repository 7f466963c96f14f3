package dev.phoenix.synth.cdktf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phoenix.synth.FunctionSpec;
import dev.phoenix.synth.Grants;
import dev.phoenix.synth.ServiceSpec;
import dev.phoenix.synth.TargetOptions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM documents. Pinned configuration is readable only through statements naming exactly the
 * granted ARNs: {@value #SECRETS_SID} and {@value #PARAMETERS_SID}; a function may read its
 * secrets only at the pinned versions (condition {@code secretsmanager:VersionId}); customer
 * managed keys are decryptable only as {@value #KEYS_SID} / {@value #KEY_ALIASES_SID} name them;
 * registry credentials only as {@value #REGISTRY_SID} names them.
 */
final class IamDocuments {

  static final String SECRETS_SID = "PinnedSecrets";
  static final String PARAMETERS_SID = "PinnedParameters";
  static final String KEYS_SID = "PinnedKeys";
  static final String KEY_ALIASES_SID = "PinnedKeyAliases";
  static final String REGISTRY_SID = "RegistryCredentials";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ECR_IMAGE =
      Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^@:]+)@.*");

  private IamDocuments() {}

  static String trust(String servicePrincipal) {
    ObjectNode statement = JSON.createObjectNode();
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", servicePrincipal);
    statement.put("Action", "sts:AssumeRole");
    return document(List.of(statement));
  }

  /**
   * Task execution role: pull the image (ECR, or a private registry with its credentials secret),
   * write its log group, read exactly the grants.
   */
  static String execution(TargetOptions target, ServiceSpec service, String logGroupArn) {
    ArrayNode statements = JSON.createArrayNode();
    grants(statements, service.grants(), List.of("ssm:GetParameters"));
    if (service.repositoryCredentials() != null) {
      statements.add(
          statement(REGISTRY_SID, List.of("secretsmanager:GetSecretValue"),
              List.of(service.repositoryCredentials())));
    }
    statements.add(
        statement("Logs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            List.of(logGroupArn + ":*")));
    Matcher ecr = ECR_IMAGE.matcher(service.image());
    if (ecr.matches()) {
      String repository =
          "arn:" + target.partition() + ":ecr:" + ecr.group(2) + ":" + ecr.group(1)
              + ":repository/" + ecr.group(3);
      statements.add(statement("EcrToken", List.of("ecr:GetAuthorizationToken"), List.of("*")));
      statements.add(
          statement(
              "PullImage",
              List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                  "ecr:BatchCheckLayerAvailability"),
              List.of(repository)));
    }
    return document(statements);
  }

  /**
   * Function role: write its log group, read exactly the grants; secrets only at the versions its
   * environment references (a read without that VersionId is denied).
   */
  static String function(FunctionSpec function, String logGroupArn) {
    ArrayNode statements = JSON.createArrayNode();
    grants(statements, function.grants(), List.of("ssm:GetParameter", "ssm:GetParameters"));
    for (com.fasterxml.jackson.databind.JsonNode statement : statements) {
      if (SECRETS_SID.equals(statement.path("Sid").asText())) {
        ArrayNode versions =
            ((ObjectNode) statement).putObject("Condition").putObject("StringEquals")
                .putArray("secretsmanager:VersionId");
        new java.util.TreeSet<>(
                function.secretVersions().values().stream().flatMap(List::stream).toList())
            .forEach(versions::add);
      }
    }
    statements.add(
        statement("Logs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            List.of(logGroupArn + ":*")));
    return document(statements);
  }

  private static void grants(ArrayNode statements, Grants grants, List<String> ssmActions) {
    if (!grants.secretArns().isEmpty()) {
      statements.add(
          statement(SECRETS_SID, List.of("secretsmanager:GetSecretValue"), grants.secretArns()));
    }
    if (!grants.parameterArns().isEmpty()) {
      statements.add(statement(PARAMETERS_SID, ssmActions, grants.parameterArns()));
    }
    if (!grants.keyArns().isEmpty()) {
      statements.add(statement(KEYS_SID, List.of("kms:Decrypt"), grants.keyArns()));
    }
    if (!grants.aliasArns().isEmpty()) {
      List<String> keys = new java.util.ArrayList<>();
      ArrayNode aliases = JSON.createArrayNode();
      for (String alias : new java.util.TreeSet<>(grants.aliasArns())) {
        int at = alias.indexOf(":alias/");
        String keysOfAccount = alias.substring(0, at) + ":key/*";
        if (!keys.contains(keysOfAccount)) {
          keys.add(keysOfAccount);
        }
        aliases.add(alias.substring(at + 1));
      }
      ObjectNode byAlias = statement(KEY_ALIASES_SID, List.of("kms:Decrypt"), keys);
      byAlias.putObject("Condition").putObject("ForAnyValue:StringEquals")
          .set("kms:ResourceAliases", aliases);
      statements.add(byAlias);
    }
  }

  private static ObjectNode statement(String sid, List<String> actions, List<String> resources) {
    ObjectNode statement = JSON.createObjectNode();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    ArrayNode action = statement.putArray("Action");
    actions.forEach(action::add);
    ArrayNode resource = statement.putArray("Resource");
    resources.forEach(resource::add);
    return statement;
  }

  private static String document(Iterable<? extends com.fasterxml.jackson.databind.JsonNode> all) {
    ObjectNode document = JSON.createObjectNode();
    document.put("Version", "2012-10-17");
    ArrayNode statements = document.putArray("Statement");
    all.forEach(statements::add);
    return document.toString();
  }
}
