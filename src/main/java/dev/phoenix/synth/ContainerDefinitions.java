package dev.phoenix.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code container_definitions} JSON of one service: the image exactly as given (a digest
 * reference), plain values under {@code environment}, references under {@code secrets} (ECS
 * resolves {@code valueFrom} at task start; the value never passes through Terraform), the
 * registry credentials secret of a private non-ECR registry, and an awslogs log configuration; a
 * datastore's address (a Terraform reference to the restored instance or table) under {@code
 * environment} after the plain values. Every user string is escaped for Terraform's template syntax.
 */
public final class ContainerDefinitions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ContainerDefinitions() {}

  /**
   * {@code addresses}: datastore name to its address as built (the synthesis engine), a
   * Terraform reference put into the environment as it is (a token, not escaped).
   */
  public static String of(TargetOptions target, ServiceSpec service, String logGroupName, Map<String, String> addresses) {
    ObjectNode container = JSON.createObjectNode();
    container.put("name", service.name());
    container.put("image", Names.literal(service.image()));
    container.put("essential", true);
    if (service.repositoryCredentials() != null) {
      container.putObject("repositoryCredentials")
          .put("credentialsParameter", service.repositoryCredentials());
    }
    ObjectNode port = container.putArray("portMappings").addObject();
    port.put("containerPort", service.port());
    port.put("protocol", "tcp");
    ArrayNode environment = pairs(service.env(), "value");
    service.datastores().forEach((name, datastore) -> {
      String address = addresses.get(datastore);
      if (address == null) {
        throw new IllegalArgumentException("service " + service.name() + ": " + name + " names datastore "
            + datastore + ", which is not restored");
      }
      environment.addObject().put("name", name).put("value", address);
    });
    container.set("environment", environment);
    container.set("secrets", pairs(service.secrets(), "valueFrom"));
    ObjectNode logging = container.putObject("logConfiguration");
    logging.put("logDriver", "awslogs");
    ObjectNode options = logging.putObject("options");
    options.put("awslogs-group", logGroupName);
    options.put("awslogs-region", target.region());
    options.put("awslogs-stream-prefix", service.name());
    ArrayNode containers = JSON.createArrayNode();
    containers.add(container);
    return containers.toString();
  }

  private static ArrayNode pairs(Map<String, String> values, String valueField) {
    ArrayNode pairs = JSON.createArrayNode();
    values.forEach(
        (name, value) -> {
          ObjectNode pair = pairs.addObject();
          pair.put("name", name);
          pair.put(valueField, Names.literal(value));
        });
    return pairs;
  }
}
