package dev.phoenix.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCacheTest {

  @TempDir Path out;

  @Test
  void sameKeyAndRequestIsACacheHitThatWritesNothing() throws Exception {
    Synthesizer synthesizer = new Synthesizer();
    SynthRequest request = SampleRequests.twoServices(StateBackend.local());
    SynthResult first = synthesizer.synthesize(request, out, "lock-rev-1");
    Path core = first.stacks().get(SynthRequest.ROOT_STACK);
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(core, written);

    SynthResult second = synthesizer.synthesize(request, out, "lock-rev-1");

    assertThat(first.cacheHit()).isFalse();
    assertThat(second.cacheHit()).isTrue();
    assertThat(second.stacks()).isEqualTo(first.stacks());
    assertThat(Files.getLastModifiedTime(core)).isEqualTo(written);
    assertThat(second.timings().construct()).isEqualTo(Duration.ZERO);
    System.out.printf("first synth %s ms, cache hit %s ms%n",
        first.timings().total().toMillis(), second.timings().total().toNanos() / 1e6);
  }

  @Test
  void otherKeyOrOtherRequestSynthesizesAgainWithIdenticalBytesWhenUnchanged() throws Exception {
    Synthesizer synthesizer = new Synthesizer();
    SynthRequest request = SampleRequests.twoServices(StateBackend.local());
    SynthResult first = synthesizer.synthesize(request, out, "lock-rev-1");
    Map<String, byte[]> before = contents(first);

    SynthResult otherKey = synthesizer.synthesize(request, out, "lock-rev-2");
    assertThat(otherKey.cacheHit()).isFalse();
    assertThat(contents(otherKey)).allSatisfy(
        (stack, bytes) -> assertThat(bytes).as(stack).isEqualTo(before.get(stack)));

    StackSpec core = request.stacks().get(0);
    ServiceSpec api = core.services().get(0);
    ServiceSpec scaled =
        new ServiceSpec(api.name(), api.image(), api.port(), api.healthPath(), api.cpu(),
            api.memory(), api.replicas() + 1, api.env(), api.secrets(), api.grants());
    SynthRequest changed =
        new SynthRequest(request.target(),
            List.of(new StackSpec("core", List.of(), List.of(scaled, core.services().get(1)),
                List.of()), request.stacks().get(1)));
    SynthResult third = synthesizer.synthesize(changed, out, "lock-rev-2");
    assertThat(third.cacheHit()).isFalse();
    assertThat(SynthJson.resource(SynthJson.read(third.stacks().get(SynthRequest.ROOT_STACK)),
            "aws_ecs_service", "svc_api").path("desired_count").asInt())
        .isEqualTo(api.replicas() + 1);
    assertThat(synthesizer.synthesize(changed, out, "lock-rev-2").cacheHit()).isTrue();
    assertThat(synthesizer.synthesize(changed.withEnvironment("other"), out, "lock-rev-2").cacheHit())
        .as("the marker's environment is part of the key").isFalse();
    assertThat(synthesizer.synthesize(changed.withEnvironment("other")
            .withEmulator(new EmulatorSwitches(false, true)), out, "lock-rev-2").cacheHit())
        .as("emulator switches are part of the key").isFalse();
  }

  @Test
  void missingStackFileIsNotAHit() throws Exception {
    Synthesizer synthesizer = new Synthesizer();
    SynthRequest request = SampleRequests.twoServices(StateBackend.local());
    SynthResult first = synthesizer.synthesize(request, out, "k");
    Files.delete(first.stacks().get(SynthRequest.ROOT_STACK));

    SynthResult again = synthesizer.synthesize(request, out, "k");

    assertThat(again.cacheHit()).isFalse();
    assertThat(again.stacks().get(SynthRequest.ROOT_STACK)).isRegularFile();
  }

  private static Map<String, byte[]> contents(SynthResult result) throws Exception {
    Map<String, byte[]> contents = new HashMap<>();
    for (Map.Entry<String, Path> stack : result.stacks().entrySet()) {
      contents.put(stack.getKey(), Files.readAllBytes(stack.getValue()));
    }
    return contents;
  }
}
