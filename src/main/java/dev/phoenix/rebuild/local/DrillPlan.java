package dev.phoenix.rebuild.local;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Datastore;
import dev.phoenix.model.Estate;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.model.Stack;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a local drill runs, from an estate: stacks in dependency order, each service's image and config. */
public record DrillPlan(String environment, List<StackPlan> stacks, List<DatastorePlan> datastores) {

  /** A plan without datastores. */
  public DrillPlan(String environment, List<StackPlan> stacks) {
    this(environment, stacks, List.of());
  }

  public DrillPlan {
    datastores = datastores == null ? List.of() : List.copyOf(datastores);
  }

  /** A datastore of the estate and the pinned image its server runs from. */
  public record DatastorePlan(String stack, Datastore datastore, ImageReference image) {
    public String name() {
      return datastore.name();
    }
  }

  public record StackPlan(String name, List<String> dependsOn, List<ServicePlan> services, List<FunctionPlan> functions) {}

  public record ServicePlan(String stack, Stack.Service service, ImageReference image, Map<String, ConfigSource> config) {
    public String name() {
      return service.name();
    }

    public int replicas() {
      return Math.max(1, service.replicas());
    }
  }

  public record FunctionPlan(String stack, Stack.Function function, S3ObjectVersion s3) {}

  public static DrillPlan of(Estate estate) {
    var lock = estate.lockfile();
    Set<String> inPlan = new LinkedHashSet<>();
    estate.stacks().forEach(s -> inPlan.add(s.name()));
    List<StackPlan> stacks = new ArrayList<>();
    List<DatastorePlan> datastores = new ArrayList<>();
    for (Stack stack : estate.stacks()) {
      for (Datastore d : stack.datastores()) {
        Artefact a = d.image() == null ? null : lock.artefacts().get(d.image());
        ImageReference image = a instanceof Artefact.ContainerImage c && c.image() != null && c.image().pinned()
            ? c.image() : null;
        if (image == null && d.engine() == Datastore.DbEngine.POSTGRES) {
          throw PhoenixException.input("datastore " + d.name() + ": image '" + d.image()
              + "' is not a container image pinned by digest in the lockfile", "run phoenix validate --env "
              + lock.environment());
        }
        datastores.add(new DatastorePlan(stack.name(), d, image));
      }
      List<ServicePlan> services = new ArrayList<>();
      for (Stack.Service service : stack.services()) {
        Artefact a = lock.artefacts().get(service.artefact());
        if (!(a instanceof Artefact.ContainerImage image) || image.image() == null || !image.image().pinned()) {
          throw PhoenixException.input("service " + service.name() + ": artefact '" + service.artefact()
              + "' is not a container image pinned by digest", "run phoenix validate --env " + lock.environment());
        }
        Map<String, ConfigSource> config = service.config() == null ? Map.of()
            : lock.config().getOrDefault(service.config(), Map.of());
        services.add(new ServicePlan(stack.name(), service, image.image(), config));
      }
      List<FunctionPlan> functions = new ArrayList<>();
      for (Stack.Function function : stack.functions()) {
        Artefact a = lock.artefacts().get(function.artefact());
        if (!(a instanceof Artefact.LambdaPackage pkg)) {
          throw PhoenixException.input("function " + function.name() + ": artefact '" + function.artefact()
              + "' is not a lambda package", "run phoenix validate --env " + lock.environment());
        }
        functions.add(new FunctionPlan(stack.name(), function, pkg.s3()));
      }
      List<String> deps = stack.dependsOn().stream().filter(inPlan::contains).toList();
      stacks.add(new StackPlan(stack.name(), deps, List.copyOf(services), List.copyOf(functions)));
    }
    return new DrillPlan(lock.environment(), List.copyOf(stacks), datastores);
  }

  public List<ServicePlan> services() {
    return stacks.stream().flatMap(s -> s.services().stream()).toList();
  }

  public List<FunctionPlan> functions() {
    return stacks.stream().flatMap(s -> s.functions().stream()).toList();
  }

  /** The datastores' server containers, by datastore name: phoenix-ENV-db-NAME-HASH. */
  public Map<String, String> datastoreContainers() {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    datastores.forEach(d -> names.put(d.name(), Labels.datastore(environment, d.name())));
    return names;
  }

  /** Every service container name the plan wants: phoenix-ENV-SERVICE-N (datastores' are made afresh each drill). */
  public Set<String> containerNames() {
    Set<String> names = new LinkedHashSet<>();
    for (ServicePlan s : services()) {
      for (int r = 1; r <= s.replicas(); r++) {
        names.add(Labels.container(environment, s.name(), r));
      }
    }
    return names;
  }
}
