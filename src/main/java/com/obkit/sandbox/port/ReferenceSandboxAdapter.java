package com.obkit.sandbox.port;

import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** The port over the reference sandbox: the kit sees {@link EmbeddedSandbox} only. */
final class ReferenceSandboxAdapter implements EmbeddedSandbox {
  private final ReferenceSandbox sandbox;

  private ReferenceSandboxAdapter(ReferenceSandbox sandbox) {
    this.sandbox = sandbox;
  }

  static EmbeddedSandbox start(Settings settings) {
    return new ReferenceSandboxAdapter(
        ReferenceSandbox.start(
            SandboxOptions.defaults()
                .withMode(
                    settings.production()
                        ? SandboxOptions.Mode.PRODUCTION
                        : SandboxOptions.Mode.SANDBOX)
                .withTokenLifetime(settings.tokenLifetime())
                .withLatency(settings.latency())
                .withDeviations(settings.deviations())
                .withRelease(settings.release())));
  }

  @Override
  public URI baseUrl() {
    return sandbox.baseUrl();
  }

  @Override
  public Optional<X509Certificate> serverCertificate() {
    return sandbox.serverCertificate();
  }

  @Override
  public int expireInitialAccessTokens(String organizationId) {
    return sandbox.expireInitialAccessTokens(organizationId);
  }

  @Override
  public int expireAccessTokens(String clientId) {
    return sandbox.expireAccessTokens(clientId);
  }

  @Override
  public int expireConsents(String clientId) {
    return sandbox.expireConsents(clientId);
  }

  @Override
  public int registeredOrganizations() {
    return sandbox.state().registeredOrganizationCount();
  }

  @Override
  public void wipe() {
    sandbox.wipe();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
