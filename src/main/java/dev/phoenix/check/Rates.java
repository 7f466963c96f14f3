package dev.phoenix.check;

import dev.phoenix.core.PhoenixException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pace of every lane of one run: {@code --rate NAME=N/s} gives a lane a ceiling; every other
 * lane is unpaced until its store throttles ({@link Throttle}). NAME is a registry as references
 * spell it ({@code 127.0.0.1:5000}, {@code ghcr.io}, {@code registry-1.docker.io}) or an AWS service:
 * {@link #AWS_NAMES}. One {@link Throttle} per lane per run, shared by every client of the run.
 */
public final class Rates {
  /** The AWS lanes --rate knows; each is paced per region (ssm in two regions: two lanes). */
  public static final java.util.List<String> AWS_NAMES = java.util.List.of("ecr", "s3", "ssm", "secrets", "ec2", "ecs", "lambda");
  private static final Pattern RATE = Pattern.compile("([^=\\s]+)=([0-9]+(?:\\.[0-9]+)?)/(s|m)");

  private final Map<String, Double> ceilings;
  private final Map<String, Throttle> lanes = new ConcurrentHashMap<>();

  private Rates(Map<String, Double> ceilings) {
    this.ceilings = Map.copyOf(ceilings);
  }

  public static Rates none() {
    return new Rates(Map.of());
  }

  /** Calls a second per lane name (lower case). */
  public static Rates of(Map<String, Double> perSecond) {
    Map<String, Double> lower = new LinkedHashMap<>();
    perSecond.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return new Rates(lower);
  }

  /**
   * Reads {@code NAME=N/s} (or {@code N/m}) options, every bad one reported at once naming
   * {@code option}.
   */
  public static Rates parse(String option, Collection<String> values) {
    Map<String, Double> out = new LinkedHashMap<>();
    java.util.List<String> bad = new java.util.ArrayList<>();
    for (String v : values) {
      Matcher m = RATE.matcher(v.trim());
      if (!m.matches()) {
        bad.add(option + " " + v + ": not NAME=N/s");
        continue;
      }
      double n = Double.parseDouble(m.group(2)) / (m.group(3).equals("m") ? 60.0 : 1.0);
      if (!(n > 0) || n > 100_000) {
        bad.add(option + " " + v + ": the rate must be above 0 and at most 100000/s");
        continue;
      }
      if (out.put(m.group(1).toLowerCase(Locale.ROOT), n) != null) {
        bad.add(option + " " + v + ": " + m.group(1) + " is given twice");
      }
    }
    if (!bad.isEmpty()) {
      throw PhoenixException.input(String.join("; ", bad),
          "give e.g. " + option + " registry.example.com=50/s or " + option + " ecr=20/s (AWS lanes: "
              + String.join(", ", AWS_NAMES) + "); see docs/verify.md, \"Checking at the stores' limits\"");
    }
    return new Rates(out);
  }

  /** The ceiling asked for {@code name}, if any. */
  public java.util.OptionalDouble ceiling(String name) {
    Double d = ceilings.get(name.toLowerCase(Locale.ROOT));
    return d == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(d);
  }

  /**
   * The lane's throttle, made once: {@code name}'s ceiling (for AWS lanes, {@code ssm:eu-west-1}
   * takes the ceiling given for {@code ssm}), else unpaced.
   */
  public Throttle lane(String lane) {
    String key = lane.toLowerCase(Locale.ROOT);
    return lanes.computeIfAbsent(key, k -> {
      Double c = ceilings.get(k);
      if (c == null && k.indexOf(':') > 0 && AWS_NAMES.contains(k.substring(0, k.indexOf(':')))) {
        c = ceilings.get(k.substring(0, k.indexOf(':')));
      }
      return c == null ? Throttle.unlimited() : Throttle.of(c);
    });
  }

  @Override
  public String toString() {
    return ceilings.toString();
  }
}
