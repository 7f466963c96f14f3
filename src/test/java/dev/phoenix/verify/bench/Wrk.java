package dev.phoenix.verify.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk with a Lua script that requests the manifest URLs in turn with the manifest Accept header.
 * GET, not HEAD: wrk 4.x waits for the body a HEAD response's Content-Length announces and never
 * completes a HEAD request (0 requests/s), so GET of these few-hundred-byte manifests stands in.
 */
final class Wrk {
  private Wrk() {}

  static final String SCRIPT = """
      local urls = {}
      for line in io.lines(os.getenv("BENCH_URLS")) do urls[#urls + 1] = line end
      local i = 0
      local accept = "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json"
      request = function()
        i = i % #urls + 1
        return wrk.format("GET", urls[i], {["Accept"] = accept})
      end
      """;

  /** Seconds wrk needs for as many requests as there are URLs, from its measured request rate. */
  static double timeFor(Path work, String hostPort, List<String> refs) throws Exception {
    List<String> paths = refs.stream().map(r -> {
      String repoAndDigest = r.substring(r.indexOf('/') + 1);
      int at = repoAndDigest.indexOf('@');
      return "/v2/" + repoAndDigest.substring(0, at) + "/manifests/" + repoAndDigest.substring(at + 1);
    }).toList();
    Path urls = work.resolve("urls.txt");
    BenchVerify.write(urls, paths);
    Path lua = work.resolve("head.lua");
    BenchVerify.write(lua, List.of(SCRIPT));
    ProcessBuilder pb = new ProcessBuilder("wrk", "-t2", "-c16", "-d5s", "-s", lua.toString(), "http://" + hostPort)
        .directory(work.toFile()).redirectErrorStream(true);
    pb.environment().put("BENCH_URLS", urls.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
    if (!m.find() || out.contains("Non-2xx")) {
      throw new IllegalStateException("wrk did not report a clean rate:\n" + out);
    }
    double rate = Double.parseDouble(m.group(1));
    BenchVerify.say("    wrk: %.0f requests/s over 5 s with 16 connections", rate);
    return refs.size() / rate;
  }
}
