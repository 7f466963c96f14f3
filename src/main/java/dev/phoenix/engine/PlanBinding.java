package dev.phoenix.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phoenix.core.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The provenance of a saved plan, kept in a sidecar {@code <plan file>.meta.json} next to it: the
 * lockfile commit the plan was made from and the sha256 of the plan file. {@link #verify} is what
 * makes "apply exactly the plan made from commit X" hold.
 *
 * @param lockfileCommit full commit id of the environment lockfile the plan was made from
 * @param planSha256 lowercase hex sha256 of the plan file when it was made
 * @param createdAt when the binding was written (ISO-8601)
 */
public record PlanBinding(String lockfileCommit, String planSha256, String createdAt) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public PlanBinding {
    requireCommit(lockfileCommit);
    if (planSha256 == null || !planSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("planSha256 must be 64 lowercase hex digits");
    }
  }

  /** {@code plan.tfplan} -> {@code plan.tfplan.meta.json}. */
  public static Path sidecarOf(Path planFile) {
    return planFile.resolveSibling(planFile.getFileName() + ".meta.json");
  }

  /** Hashes the plan file and writes the sidecar atomically. */
  public static PlanBinding write(Path planFile, String lockfileCommit) throws IOException {
    requireCommit(lockfileCommit);
    PlanBinding binding =
        new PlanBinding(lockfileCommit, sha256(planFile), Instant.now().toString());
    ObjectNode node = JSON.createObjectNode();
    node.put("lockfileCommit", binding.lockfileCommit());
    node.put("planSha256", binding.planSha256());
    node.put("createdAt", binding.createdAt());
    AtomicFiles.write(sidecarOf(planFile), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    return binding;
  }

  /**
   * Checks that {@code planFile} was made from {@code expectedCommit} and is byte for byte the
   * file that was bound then.
   *
   * @param refusedCommand the command that will not run if this fails, for the message
   */
  public static PlanBinding verify(Path planFile, String expectedCommit, List<String> refusedCommand)
      throws PlanBindingException {
    requireCommit(expectedCommit);
    Path sidecar = sidecarOf(planFile);
    PlanBinding bound;
    String actualSha;
    try {
      JsonNode node = JSON.readTree(Files.readString(sidecar));
      bound = new PlanBinding(
          node.path("lockfileCommit").asText(null),
          node.path("planSha256").asText(null),
          node.path("createdAt").asText(""));
      actualSha = sha256(planFile);
    } catch (NoSuchFileException e) {
      throw new PlanBindingException("refusing to apply " + planFile + ": " + e.getFile()
          + " does not exist (a plan is applied only with the sidecar written when it was made)",
          planFile, refusedCommand);
    } catch (IOException | IllegalArgumentException e) {
      throw new PlanBindingException("refusing to apply " + planFile + ": cannot read its binding "
          + sidecar + ": " + e.getMessage(), planFile, refusedCommand);
    }
    if (!bound.lockfileCommit().equals(expectedCommit)) {
      throw new PlanBindingException("refusing to apply " + planFile + ": it was made from lockfile commit "
          + bound.lockfileCommit() + ", not " + expectedCommit + "; plan again from " + expectedCommit,
          planFile, refusedCommand);
    }
    if (!bound.planSha256().equals(actualSha)) {
      throw new PlanBindingException("refusing to apply " + planFile + ": the plan file changed since it was made"
          + " (sha256 " + actualSha + ", bound " + bound.planSha256() + "); plan again",
          planFile, refusedCommand);
    }
    return bound;
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void requireCommit(String commit) {
    if (commit == null || !commit.matches("[0-9a-fA-F]{7,64}")) {
      throw new IllegalArgumentException("a lockfile commit must be a hex commit id, got: " + commit);
    }
  }
}
