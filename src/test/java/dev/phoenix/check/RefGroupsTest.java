package dev.phoenix.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.model.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefGroupsTest {
  private static Ref.Image image(String repository, int n) {
    return new Ref.Image("123456789012.dkr.ecr.eu-west-1.amazonaws.com", repository,
        Digest.of("sha256:" + String.format("%064x", n)));
  }

  @Test
  void groupsInFirstMetOrderWithoutRepeatsOfTheGivenTypeOnly() {
    Ref.Ssm a1 = new Ref.Ssm("/shop/a", 1);
    Ref.Ssm a2 = new Ref.Ssm("/shop/a", 2);
    Ref.Ssm b1 = new Ref.Ssm("/shop/b", 1);
    List<Ref> refs = List.of(b1, a2, image("web", 1), a1, a2, new Ref.Ami("ami-0123456789abcdef0", "eu-west-1"), b1, a1);

    Map<String, List<Ref.Ssm>> byName = RefGroups.of(refs, Ref.Ssm.class, Ref.Ssm::name);

    assertThat(byName.keySet()).containsExactly("/shop/b", "/shop/a");
    assertThat(byName.get("/shop/b")).containsExactly(b1);
    assertThat(byName.get("/shop/a")).containsExactly(a2, a1);
  }

  @Test
  void onlyWhatThePredicateAcceptsAndNoGroupForTheRest() {
    List<Ref> refs = List.of(image("web", 1), image("api", 2), image("web", 3));

    Map<String, List<Ref.Image>> byRepo = RefGroups.of(refs, Ref.Image.class, i -> !i.repository().equals("api"),
        Ref.Image::repository);

    assertThat(byRepo.keySet()).containsExactly("web");
    assertThat(byRepo.get("web")).containsExactly(image("web", 1), image("web", 3));
  }

  @Test
  void aNightOfOneRepositoryKeepsEveryDistinctReferenceOnceInOrder() {
    List<Ref> refs = new ArrayList<>();
    for (int round = 0; round < 3; round++) { // a year of revisions repeats each pin
      for (int n = 0; n < 30_000; n++) {
        refs.add(image("monorepo", n));
      }
    }

    List<Ref.Image> group = RefGroups.of(refs, Ref.Image.class, Ref.Image::repository).get("monorepo");

    assertThat(group).hasSize(30_000).doesNotHaveDuplicates();
    assertThat(group.get(0)).isEqualTo(image("monorepo", 0));
    assertThat(group.get(29_999)).isEqualTo(image("monorepo", 29_999));
  }
}
