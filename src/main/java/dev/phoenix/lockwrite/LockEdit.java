package dev.phoenix.lockwrite;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.Assurance;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.Lockfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change to a lockfile, applied twice: to the model (what the file must mean afterwards) and
 * to the text (surgically). The writer refuses to write when the edited text does not read back
 * as exactly the edited model.
 */
public sealed interface LockEdit permits LockEdit.PutArtefact, LockEdit.AddAssurance, LockEdit.PutConfig {

  Lockfile applyTo(Lockfile lockfile);

  LockText applyTo(LockText text);

  /** Adds an artefact or sets every field of an existing one (fields that did not change keep their lines). */
  record PutArtefact(Artefact artefact) implements LockEdit {
    public PutArtefact {
      if (artefact instanceof Artefact.ContainerImage c && c.image() != null && c.image().tag() != null) {
        ImageReference i = c.image();
        artefact = new Artefact.ContainerImage(c.name(), c.version(),
            new ImageReference(i.registry(), i.repository(), null, i.digest()), c.source(), c.assurance());
      }
    }

    @Override
    public Lockfile applyTo(Lockfile lockfile) {
      Map<String, Artefact> artefacts = new LinkedHashMap<>(lockfile.artefacts());
      artefacts.put(artefact.name(), artefact);
      return new Lockfile(lockfile.environment(), lockfile.stacks(), artefacts, lockfile.config());
    }

    @Override
    public LockText applyTo(LockText text) {
      return ArtefactText.put(text, artefact);
    }
  }

  /** Appends one assurance record to an artefact's trail. */
  record AddAssurance(String artefact, Assurance record) implements LockEdit {
    @Override
    public Lockfile applyTo(Lockfile lockfile) {
      Map<String, Artefact> artefacts = new LinkedHashMap<>(lockfile.artefacts());
      Artefact a = artefacts.get(artefact);
      List<Assurance> trail = new ArrayList<>(a.assurance());
      trail.add(record);
      artefacts.put(artefact, Artefacts.withAssurance(a, List.copyOf(trail)));
      return new Lockfile(lockfile.environment(), lockfile.stacks(), artefacts, lockfile.config());
    }

    @Override
    public LockText applyTo(LockText text) {
      return ArtefactText.addAssurance(text, artefact, record);
    }
  }

  /** Adds or replaces one pinned config variable. */
  record PutConfig(String block, String variable, ConfigSource source) implements LockEdit {
    @Override
    public Lockfile applyTo(Lockfile lockfile) {
      Map<String, Map<String, ConfigSource>> config = new LinkedHashMap<>(lockfile.config());
      Map<String, ConfigSource> vars = new LinkedHashMap<>(config.getOrDefault(block, Map.of()));
      vars.put(variable, source);
      config.put(block, vars);
      return new Lockfile(lockfile.environment(), lockfile.stacks(), lockfile.artefacts(), config);
    }

    @Override
    public LockText applyTo(LockText text) {
      return ConfigText.put(text, block, variable, source);
    }
  }
}
