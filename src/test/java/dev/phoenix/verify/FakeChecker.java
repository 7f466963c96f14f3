package dev.phoenix.verify;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A checker for unit tests: answers from a map (default OK), records every reference it is asked about. */
class FakeChecker implements RefChecker {
  final Predicate<Ref> handles;
  final Map<Ref, Finding> answers = new ConcurrentHashMap<>();
  final List<Ref> asked = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();

  FakeChecker(Predicate<Ref> handles) {
    this.handles = handles;
  }

  @Override
  public boolean handles(Ref ref) {
    return handles.test(ref);
  }

  /** How long to dawdle before each answer in this call; decided per call, so groups never share it. */
  long sleepMillis(Collection<Ref> refs) {
    return 0;
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    long sleepMillis = sleepMillis(refs);
    threads.add(Thread.currentThread().getName());
    asked.addAll(refs);
    Map<Ref, Finding> out = new HashMap<>();
    for (Ref r : refs) {
      if (sleepMillis > 0) {
        try {
          Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return out;
        }
      }
      out.put(r, answers.getOrDefault(r, Finding.ok()));
      options.done().accept(r);
    }
    return out;
  }
}
