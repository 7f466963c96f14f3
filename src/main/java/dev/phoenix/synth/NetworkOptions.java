package dev.phoenix.synth;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the shared network is laid out.
 *
 * @param zoneIds availability zone ids (e.g. {@code euw2-az1}), 2 to 4, one public and one private
 *     subnet each; zone ids name the same physical zone in every account, unlike zone names. Empty:
 *     the first two zone ids of the region in sorted order, which do not move when a zone is
 *     impaired (a list filtered by state would shift, and replace every subnet, mid-disaster).
 * @param natGateways one NAT gateway per zone (each private subnet keeps its egress when another
 *     zone fails) or a single one (cheaper; the private subnets of every zone lose egress with it)
 */
public record NetworkOptions(List<String> zoneIds, NatGateways natGateways) {

  /** NAT gateway layout. */
  public enum NatGateways {
    PER_ZONE,
    SINGLE
  }

  /** Two zones, chosen by sorted zone id; a NAT gateway per zone. */
  public static final NetworkOptions DEFAULT = new NetworkOptions(List.of(), NatGateways.PER_ZONE);

  /** Zones used when none are named. */
  static final int DEFAULT_ZONES = 2;

  static final Pattern ZONE_ID = Pattern.compile("[a-z]{2,}[0-9]?(-[a-z]+)*-az[0-9]+");

  public NetworkOptions {
    zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
    if (!zoneIds.isEmpty() && (zoneIds.size() < 2 || zoneIds.size() > 4)) {
      throw new IllegalArgumentException("zoneIds: give 2 to 4 zone ids, got " + zoneIds.size());
    }
    for (String id : zoneIds) {
      if (!ZONE_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("zoneIds: '" + id + "' is not a zone id (e.g. euw2-az1)");
      }
    }
    if (zoneIds.stream().distinct().count() != zoneIds.size()) {
      throw new IllegalArgumentException("zoneIds: a zone id appears twice");
    }
    natGateways = natGateways == null ? NatGateways.PER_ZONE : natGateways;
  }

  /** How many zones (and subnets per tier) the network has. */
  public int zoneCount() {
    return zoneIds.isEmpty() ? DEFAULT_ZONES : zoneIds.size();
  }
}
