package dev.phoenix.lockfile;

import dev.phoenix.check.Ref;
import dev.phoenix.check.Refs;
import dev.phoenix.core.Problem;
import dev.phoenix.core.Problems;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.MirrorLedger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code environments/<env>/mirrors.ledger} (docs/regions.md): the header, six
 * fields per line, known regions and kinds, checksums that are SHA-256 digests, an image copy's
 * digest equal to its source's, one line per (region, source). Every problem at once, with its line.
 */
public final class LedgerReader {
  /** A ledger may be far larger than a lockfile (one line per copy); beyond this it is refused. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;
  private static final Pattern CHECKSUM = Pattern.compile("sha256:[0-9a-f]{64}");

  private LedgerReader() {}

  public static Parsed<MirrorLedger> read(String file, byte[] content) {
    Problems problems = new Problems();
    if (content.length > MAX_BYTES) {
      problems.add(file, 0, "is larger than " + MAX_BYTES + " bytes", "this is not a ledger Phoenix wrote; restore it from Git");
      return new Parsed<>(null, problems.list());
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      problems.add(file, 0, "is not UTF-8 text", "restore it from Git; Phoenix writes it (phoenix mirror)");
      return new Parsed<>(null, problems.list());
    }
    String[] lines = text.split("\n", -1);
    List<MirrorLedger.Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean header = false;
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!l.equals(MirrorLedger.HEADER)) {
          problems.add(file, line, "the first line that is not a comment must be " + MirrorLedger.HEADER,
              "this is not a ledger Phoenix wrote; restore it from Git");
          return new Parsed<>(null, problems.list());
        }
        header = true;
        continue;
      }
      entry(file, line, l, problems).ifPresent(e -> {
        Integer before = seen.put(e.key(), line);
        if (before != null) {
          problems.add(file, line, "a second line for " + e.source() + " in " + e.region() + " (first at line " + before + ")",
              "keep one of them (the one whose copy exists)");
        }
        entries.add(e);
      });
    }
    if (!header) {
      problems.add(file, 1, "has no " + MirrorLedger.HEADER + " line", "this is not a ledger Phoenix wrote; restore it from Git");
    }
    return new Parsed<>(new MirrorLedger(entries), problems.list());
  }

  private static Optional<MirrorLedger.Entry> entry(String file, int line, String text, Problems problems) {
    String[] raw = text.split(" ", -1);
    if (raw.length < 6) {
      problems.add(file, line, "has " + raw.length + " fields, a ledger line has 6 (REGION KIND SOURCE COPY CHECKSUM AT)"
          + " and then optional NAME=VALUE attributes",
          "restore the line from Git or delete it (phoenix mirror makes it again)");
      return Optional.empty();
    }
    String[] f = new String[6];
    for (int i = 0; i < 6; i++) {
      Optional<String> u = MirrorLedger.unescape(raw[i]);
      if (u.isEmpty() || u.get().isEmpty()) {
        problems.add(file, line, "field " + (i + 1) + " is empty or badly escaped", "restore the line from Git");
        return Optional.empty();
      }
      f[i] = u.get();
    }
    int before = problems.list().size();
    if (!ArtefactReader.REGION.matcher(f[0]).matches()) {
      problems.add(file, line, "region '" + f[0] + "' is not an AWS region", "restore the line from Git");
    }
    MirrorLedger.Kind kind = null;
    try {
      kind = MirrorLedger.Kind.valueOf(f[1].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(file, line, "kind '" + f[1] + "' is not one of image, s3, ssm, secret, ami, dump, rds",
          "restore the line from Git");
    }
    if (kind == MirrorLedger.Kind.DYNAMODB) {
      problems.add(file, line, "a dynamodb line: DynamoDB backups are not mirrored (no cross-region copy without AWS "
          + "Backup; docs/regions.md)", "delete the line");
    }
    Map<String, String> attributes = attributes(file, line, raw, kind, problems);
    String checksum = f[4];
    boolean needsChecksum = kind == MirrorLedger.Kind.IMAGE || kind == MirrorLedger.Kind.S3
        || kind == MirrorLedger.Kind.DUMP;
    if (!checksum.equals("-") && !CHECKSUM.matcher(checksum).matches() || needsChecksum && checksum.equals("-")) {
      problems.add(file, line, "checksum '" + checksum + "' is not sha256:<64 hex>" + (needsChecksum ? "" : " or -"),
          "restore the line from Git");
    }
    Instant at = null;
    try {
      at = Instant.parse(f[5]);
    } catch (DateTimeParseException e) {
      problems.add(file, line, "time '" + f[5] + "' is not an ISO-8601 UTC time", "restore the line from Git");
    }
    if (kind == MirrorLedger.Kind.IMAGE) {
      for (String[] side : new String[][] {{"source", f[2]}, {"copy", f[3]}}) {
        ImageReference.Reading p = ImageReference.parse(side[1]);
        if (p.reference() == null || p.reference().digest() == null) {
          problems.add(file, line, side[0] + " is not an image by digest", "restore the line from Git");
        } else if (CHECKSUM.matcher(checksum).matches() && !p.reference().digest().toString().equals(checksum)) {
          problems.add(file, line, "the checksum " + checksum + " differs from the " + side[0] + "'s digest "
              + p.reference().digest(), "a copy keeps its digest: run phoenix mirror again to copy it anew");
        }
      }
    }
    if (problems.list().size() > before) {
      return Optional.empty();
    }
    return Optional.of(new MirrorLedger.Entry(f[0], kind, f[2], f[3], checksum, at, line, attributes));
  }

  /**
   * The {@code NAME=VALUE} fields after the six: {@code taken} (an ISO-8601 UTC time) and {@code of}
   * required on backup lines ({@code dump}, {@code rds}), {@code via} ({@code replica} or {@code copy})
   * only on secret lines; each name once.
   */
  private static Map<String, String> attributes(String file, int line, String[] raw, MirrorLedger.Kind kind,
      Problems problems) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (int i = 6; i < raw.length; i++) {
      int eq = raw[i].indexOf('=');
      Optional<String> value = eq <= 0 ? Optional.empty() : MirrorLedger.unescape(raw[i].substring(eq + 1));
      if (value.isEmpty() || value.get().isEmpty()) {
        problems.add(file, line, "field " + (i + 1) + " is not NAME=VALUE", "restore the line from Git");
        continue;
      }
      String name = raw[i].substring(0, eq);
      String v = value.get();
      boolean known = switch (name) {
        case MirrorLedger.TAKEN, MirrorLedger.OF -> kind == null || kind.backup();
        case MirrorLedger.VIA -> kind == null || kind == MirrorLedger.Kind.SECRET;
        default -> false;
      };
      if (!known) {
        problems.add(file, line, "attribute '" + name + "' is not one a " + (kind == null ? "" : kind.word() + " ")
            + "line has (taken and of on dump and rds lines, via on secret lines)", "restore the line from Git");
      } else if (out.put(name, v) != null) {
        problems.add(file, line, "attribute '" + name + "' is given twice", "restore the line from Git");
      } else if (name.equals(MirrorLedger.TAKEN)) {
        try {
          Instant.parse(v);
        } catch (DateTimeParseException e) {
          problems.add(file, line, "taken '" + v + "' is not an ISO-8601 UTC time", "restore the line from Git");
        }
      } else if (name.equals(MirrorLedger.VIA) && !v.equals("replica") && !v.equals("copy")) {
        problems.add(file, line, "via '" + v + "' is neither replica nor copy", "restore the line from Git");
      }
    }
    if (kind != null && kind.backup()) {
      for (String required : List.of(MirrorLedger.TAKEN, MirrorLedger.OF)) {
        if (!out.containsKey(required)) {
          problems.add(file, line, "a " + kind.word() + " line needs the attribute " + required + "=…",
              "restore the line from Git or delete it (phoenix mirror makes it again)");
        }
      }
    }
    return out;
  }

  /**
   * Entries whose source the lockfile pins with a checksum (S3 packages' sha256): the ledger's
   * checksum must equal it.
   */
  public static List<Problem> crossCheck(String file, MirrorLedger ledger, Lockfile lockfile) {
    Map<String, String> pinned = new HashMap<>();
    for (Ref ref : Refs.of(lockfile).keySet()) {
      if (ref instanceof Ref.S3Object s && s.sha256() != null) {
        pinned.put(s.id(), "sha256:" + s.sha256());
      }
    }
    List<Problem> out = new ArrayList<>();
    for (MirrorLedger.Entry e : ledger.entries()) {
      String want = pinned.get(e.source());
      if (want != null && !want.equals(e.checksum())) {
        out.add(Problem.at(file, e.line(), "the copy of " + e.source() + " in " + e.region() + " has checksum "
            + e.checksum() + " but the lockfile pins " + want, "run phoenix mirror --to " + e.region() + " to copy it anew"));
      }
    }
    return out;
  }
}
