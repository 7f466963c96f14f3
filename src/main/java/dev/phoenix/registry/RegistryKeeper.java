package dev.phoenix.registry;

import dev.phoenix.check.KeepLabels;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import dev.phoenix.model.ImageReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A tag {@code phoenix-keep-<env>-<first 12 hex of the digest>} in the image's repository: a
 * tagged manifest survives garbage collection, and ECR lifecycle rules can exempt the prefix. The
 * OCI distribution API cannot delete a tag without deleting the manifest, so stale tags are only
 * reported, never removed.
 */
final class RegistryKeeper implements Keeper {
  private final RegistryClient registry;
  // probes run in parallel; a set, for a repository whose images each carry a keep tag per environment
  // holds tens of thousands of tags, and every probe asks whether one is there
  private final Map<String, Set<String>> tagCache = new ConcurrentHashMap<>();

  RegistryKeeper(RegistryClient registry) {
    this.registry = registry;
  }

  static String tag(Ref.Image image, String env) {
    return KeepLabels.forEnv(env) + "-" + image.digest().hex().substring(0, 12);
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.Image;
  }

  @Override
  public String mark(Ref ref, String env) {
    return "registry tag " + tag((Ref.Image) ref, env);
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    Ref.Image i = (Ref.Image) ref;
    String tag = tag(i, env);
    if (!tags(i.registry(), i.repository()).contains(tag)) {
      return false;
    }
    Optional<dev.phoenix.model.Digest> at = registry.resolveTag(new ImageReference(i.registry(), i.repository(), tag, null));
    return at.isPresent() && at.get().equals(i.digest());
  }

  @Override
  public void protect(Ref ref, String env) {
    Ref.Image i = (Ref.Image) ref;
    registry.tag(i.registry(), i.repository(), i.digest(), tag(i, env));
    tagCache.remove(i.registry() + "/" + i.repository());
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    Set<String> repositories = new LinkedHashSet<>();
    scope.stream().filter(this::handles).forEach(r -> repositories.add(((Ref.Image) r).registry() + "/" + ((Ref.Image) r).repository()));
    Pattern mine = Pattern.compile(Pattern.quote(KeepLabels.forEnv(env) + "-") + "[0-9a-f]{12}");
    List<Kept> out = new ArrayList<>();
    for (String repo : repositories) {
      int slash = repo.indexOf('/');
      String host = repo.substring(0, slash);
      String name = repo.substring(slash + 1);
      for (String tag : tags(host, name)) {
        if (mine.matcher(tag).matches()) {
          registry.resolveTag(new ImageReference(host, name, tag, null))
              .ifPresent(d -> out.add(new Kept(new Ref.Image(host, name, d), "registry tag " + tag)));
        }
      }
    }
    return out;
  }

  @Override
  public boolean release(Kept kept, String env) {
    return false;
  }

  /** The repository's tags, in the registry's order, listed once until a tag is added to it. */
  private Set<String> tags(String host, String repository) {
    return tagCache.computeIfAbsent(host + "/" + repository,
        k -> Collections.unmodifiableSet(new LinkedHashSet<>(registry.tags(host, repository))));
  }
}
