package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineOutputsTest {

  @Test
  void countsPlannedActionsLikeTheEngineSummary() throws Exception {
    String json = """
        {"resource_changes":[
          {"change":{"actions":["create"]}},
          {"change":{"actions":["update"]}},
          {"change":{"actions":["delete","create"]}},
          {"change":{"actions":["no-op"]}},
          {"change":{"actions":["read"]}},
          {"change":{"actions":["delete"]}}]}""";
    assertThat(EngineOutputs.planChanges(json)).isEqualTo(new Changes(2, 1, 2));
    assertThat(EngineOutputs.planChanges("{\"format_version\":\"1.2\"}").isEmpty()).isTrue();
  }

  @Test
  void readsTheApplySummaryLine() {
    assertThat(EngineOutputs.applySummary("Apply complete! Resources: 3 added, 1 changed, 2 destroyed."))
        .contains(new Changes(3, 1, 2));
    assertThat(EngineOutputs.applySummary("Plan: 3 to add, 0 to change, 0 to destroy.")).isEmpty();
  }

  @Test
  void redactsSensitiveOutputs() throws Exception {
    String json = """
        {"url":{"sensitive":false,"type":"string","value":"http://x"},
         "password":{"sensitive":true,"type":"string","value":"hunter2"}}""";
    var outputs = EngineOutputs.outputs(json);
    assertThat(outputs.get("url").value().asText()).isEqualTo("http://x");
    assertThat(outputs.get("password").sensitive()).isTrue();
    assertThat(outputs.get("password").value()).isNull();
    assertThat(outputs.toString()).doesNotContain("hunter2");
  }

  @Test
  void listsManagedStateResourcesOfAllModules() throws Exception {
    String json = """
        {"values":{"root_module":{
          "resources":[{"address":"terraform_data.a","mode":"managed"},
                       {"address":"terraform_data.b","mode":"managed","tainted":true},
                       {"address":"data.x.y","mode":"data"}],
          "child_modules":[{"address":"module.m",
             "resources":[{"address":"module.m.terraform_data.c","mode":"managed"}]}]}}}""";
    assertThat(EngineOutputs.stateResources(json)).containsExactly(
        new StateResource("terraform_data.a", false),
        new StateResource("terraform_data.b", true),
        new StateResource("module.m.terraform_data.c", false));
    assertThat(EngineOutputs.stateResources("{\"format_version\":\"1.0\"}")).isEmpty();
  }
}
