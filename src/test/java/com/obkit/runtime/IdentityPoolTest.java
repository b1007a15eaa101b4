package com.obkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.Tpp;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity pool: kept between runs, owner-only, replaced when it must be, and says so. */
class IdentityPoolTest {

  static final String SCENARIO = "features/03_registration/x.feature | A scenario";
  static KeyPool keys;

  @TempDir Path history;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final AtomicInteger made = new AtomicInteger();

  @BeforeAll
  static void keys() {
    keys = new KeyPool(1);
  }

  private IdentityPool open(Clock clock) {
    return IdentityPool.open(
        history, "SANDBOX", clock, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  private Supplier<OrganizationId> fresh() {
    return () -> OrganizationId.of("PSDNL-DNB-KITTEST" + made.incrementAndGet());
  }

  private static Function<OrganizationId, Credentials> issue(IdentityPool pool, Duration valid) {
    return orgId -> {
      Instant now = Instant.now();
      return pool.ca()
          .issue(
              CertificateSpec.builder(orgId)
                  .validity(now.minus(Duration.ofMinutes(1)), now.plus(valid))
                  .build(),
              keys.next());
    };
  }

  private String console() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSecondRunGetsTheSameIdentitiesAndTheSameCa() throws Exception {
    IdentityPool first = open(Clock.systemUTC());
    Tpp own = first.tpp(SCENARIO, 7, 1, fresh(), issue(first, Duration.ofDays(365)));
    Tpp other = first.tpp(SCENARIO, 7, 2, fresh(), issue(first, Duration.ofDays(365)));
    assertThat(own.organizationId()).isNotEqualTo(other.organizationId());
    assertThat(first.counts()).containsExactly(0, 2, 0);

    IdentityPool second = open(Clock.systemUTC());
    assertThat(second.ca().certificate()).isEqualTo(first.ca().certificate());
    Tpp again = second.tpp(SCENARIO, 7, 1, fresh(), issue(second, Duration.ofDays(365)));
    assertThat(again.organizationId()).isEqualTo(own.organizationId());
    assertThat(again.credentials().certificate()).isEqualTo(own.credentials().certificate());
    assertThat(again.credentials().privateKey()).isEqualTo(own.credentials().privateKey());
    assertThat(second.counts()).containsExactly(1, 0, 0);
    assertThat(made).hasValue(2);
    assertThat(second.summary())
        .endsWith(
            "1 identities used: 1 from the pool, 0 new (registered as new organizations), 0 with"
                + " a replaced certificate (same organization id)");
    assertThat(console()).isEmpty();
  }

  @Test
  void everyFileIsOwnerOnly() throws Exception {
    IdentityPool pool = open(Clock.systemUTC());
    pool.tpp(SCENARIO, 7, 1, fresh(), issue(pool, Duration.ofDays(365)));
    try (Stream<Path> all = Files.walk(history.resolve("identities"))) {
      List<Path> paths = all.toList();
      assertThat(paths).hasSize(1 + 1 + 3 + 1 + 4); // root, ca/ + 3 files, entry/ + 4 files
      for (Path p : paths) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as("%s", p)
            .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
      }
    }
  }

  @Test
  void scenariosOfOneNameOnOtherLinesGetIdentitiesOfTheirOwn() {
    IdentityPool pool = open(Clock.systemUTC());
    Tpp a = pool.tpp(SCENARIO, 7, 1, fresh(), issue(pool, Duration.ofDays(365)));
    Tpp b = pool.tpp(SCENARIO, 9, 1, fresh(), issue(pool, Duration.ofDays(365)));
    assertThat(a.organizationId()).isNotEqualTo(b.organizationId());
  }

  @Test
  void aCertificateNearExpiryIsReplacedForTheSameOrganizationIdAndSaidSo() {
    IdentityPool first = open(Clock.systemUTC());
    Tpp kept = first.tpp(SCENARIO, 7, 1, fresh(), issue(first, Duration.ofDays(10)));

    IdentityPool second = open(Clock.systemUTC());
    Tpp now = second.tpp(SCENARIO, 7, 1, fresh(), issue(second, Duration.ofDays(365)));

    assertThat(now.organizationId()).isEqualTo(kept.organizationId());
    assertThat(now.credentials().certificate()).isNotEqualTo(kept.credentials().certificate());
    assertThat(second.counts()).containsExactly(0, 0, 1);
    assertThat(console())
        .startsWith("IDENTITY POOL: replaced the certificate of " + kept.organizationId())
        .contains("within 30 days; the organization id is kept, so nothing new is registered");

    // The replacement is kept.
    Tpp third = open(Clock.systemUTC()).tpp(SCENARIO, 7, 1, fresh(), orgId -> null);
    assertThat(third.credentials().certificate()).isEqualTo(now.credentials().certificate());
  }

  @Test
  void anExpiredCertificateIsReplaced() {
    IdentityPool first = open(Clock.systemUTC());
    first.tpp(SCENARIO, 7, 1, fresh(), issue(first, Duration.ofDays(365)));
    Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
    IdentityPool second = open(later);
    second.tpp(SCENARIO, 7, 1, fresh(), issue(second, Duration.ofDays(365)));
    assertThat(console())
        .contains("IDENTITY POOL: replaced the certificate of")
        .contains("expired on");
  }

  @Test
  void anUnreadableCertificateIsReplacedForTheSameOrganizationId() throws Exception {
    IdentityPool first = open(Clock.systemUTC());
    Tpp kept = first.tpp(SCENARIO, 7, 1, fresh(), issue(first, Duration.ofDays(365)));
    Path entry =
        history.resolve("identities").resolve(IdentityPool.slug(SCENARIO + " | SANDBOX | TPP 1"));
    Files.writeString(entry.resolve("certificate.pem"), "garbage");

    IdentityPool second = open(Clock.systemUTC());
    Tpp now = second.tpp(SCENARIO, 7, 1, fresh(), issue(second, Duration.ofDays(365)));
    assertThat(now.organizationId()).isEqualTo(kept.organizationId());
    assertThat(console()).contains("it cannot be read");
  }

  @Test
  void aRenewalBecomesThePooledCertificate() {
    IdentityPool first = open(Clock.systemUTC());
    Tpp kept = first.tpp(SCENARIO, 7, 1, fresh(), issue(first, Duration.ofDays(365)));
    Tpp renewed =
        new Tpp(
            kept.organizationId(), issue(first, Duration.ofDays(365)).apply(kept.organizationId()));
    first.renewed(renewed);

    Tpp next = open(Clock.systemUTC()).tpp(SCENARIO, 7, 1, fresh(), orgId -> null);
    assertThat(next.credentials().certificate()).isEqualTo(renewed.credentials().certificate());
  }

  @Test
  void aPoolOfAnotherProfileIsKeptApart() {
    IdentityPool sandbox = open(Clock.systemUTC());
    Tpp a = sandbox.tpp(SCENARIO, 7, 1, fresh(), issue(sandbox, Duration.ofDays(365)));
    IdentityPool production =
        IdentityPool.open(
            history, "QSEALC", new PrintStream(console, true, StandardCharsets.UTF_8));
    Tpp b = production.tpp(SCENARIO, 7, 1, fresh(), issue(production, Duration.ofDays(365)));
    assertThat(b.organizationId()).isNotEqualTo(a.organizationId());
  }
}
