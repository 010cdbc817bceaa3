package io.krrkit.selfservice;

import static io.krrkit.selfservice.Exchange.await;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The self-service API for scopes: an API owner registers its scopes ({@code /scopes}) and decides
 * who may use them ({@code /scopes/access}), which takes {@code idporten:scopes.write}; any admin
 * client sees what it was granted ({@code idporten:dcr.read}), and anyone the public scopes and the
 * delegation sources (open endpoints, called without a token). Get it from {@link
 * SelfServiceClient#scopes()}; thread-safe.
 *
 * <pre>{@code
 * ScopeAdmin scopes = selfService.scopes();
 * ApiScope api3 = scopes.create(
 *     ScopeRequest.builder("difi", "api3").description("API nummer 3").build());
 * scopes.grant(api3.name(), OrgNumber.of("889640782"));
 * scopes.listAccess(api3.name()).forEach(a -> System.out.println(a.consumerOrgno() + " " + a.state()));
 * }</pre>
 *
 * <p>Every method has an asynchronous twin ({@code …Async}) whose future fails with the same {@link
 * SelfServiceException}, wrapped in a {@code CompletionException}. Scope names go in the query
 * string ({@code ?scope=difi:api3}), as Digdir's API wants them, because some hold a slash.
 */
public final class ScopeAdmin {
  /** No token: {@code /scopes/all} and {@code /delegationsources} are open, as Digdir's are. */
  private static final Scope OPEN = null;

  private final Exchange exchange;

  ScopeAdmin(Exchange exchange) {
    this.exchange = exchange;
  }

  /** Your organisation's scopes, public and private ({@code GET /scopes}, scopes.write). */
  public List<ApiScope> list() {
    return await(listAsync());
  }

  /** The asynchronous twin of {@link #list}. */
  public CompletableFuture<List<ApiScope>> listAsync() {
    return exchange.sendForList("GET", "/scopes", Scope.SCOPES_WRITE, ApiScope.class);
  }

  /**
   * One of your scopes ({@code GET /scopes?scope=…}, scopes.write).
   *
   * @throws SelfServiceErrorException with status 404 when your organisation owns no such scope
   */
  public ApiScope get(Scope scope) {
    return await(getAsync(scope));
  }

  /** The asynchronous twin of {@link #get}. */
  public CompletableFuture<ApiScope> getAsync(Scope scope) {
    return exchange.send("GET", scopePath(scope), Scope.SCOPES_WRITE, null, ApiScope.class);
  }

  /**
   * Registers a scope under one of your prefixes ({@code POST /scopes}, scopes.write).
   *
   * @throws SelfServiceErrorException with status 400 naming the field that is wrong
   */
  public ApiScope create(ScopeRequest request) {
    return await(createAsync(request));
  }

  /** The asynchronous twin of {@link #create}. */
  public CompletableFuture<ApiScope> createAsync(ScopeRequest request) {
    Objects.requireNonNull(request, "request == null");
    return exchange.send("POST", "/scopes", Scope.SCOPES_WRITE, request, ApiScope.class);
  }

  /**
   * Replaces the writable fields of a scope ({@code PUT /scopes?scope=…}, scopes.write). Start from
   * {@link ApiScope#toRequest()}; the name cannot change.
   */
  public ApiScope update(Scope scope, ScopeRequest request) {
    return await(updateAsync(scope, request));
  }

  /** The asynchronous twin of {@link #update}. */
  public CompletableFuture<ApiScope> updateAsync(Scope scope, ScopeRequest request) {
    Objects.requireNonNull(request, "request == null");
    return exchange.send("PUT", scopePath(scope), Scope.SCOPES_WRITE, request, ApiScope.class);
  }

  /**
   * Deactivates a scope ({@code DELETE /scopes?scope=…}, scopes.write): it gives no more tokens,
   * but stays registered with its access grants, as Digdir keeps it for the audit log.
   */
  public void delete(Scope scope) {
    await(deleteAsync(scope));
  }

  /** The asynchronous twin of {@link #delete}. */
  public CompletableFuture<Void> deleteAsync(Scope scope) {
    return exchange.send("DELETE", scopePath(scope), Scope.SCOPES_WRITE, null, null);
  }

  /** Every scope visible to all ({@code GET /scopes/all}). */
  public List<ApiScope> listAll() {
    return await(listAllAsync());
  }

  /** The asynchronous twin of {@link #listAll}. */
  public CompletableFuture<List<ApiScope>> listAllAsync() {
    return exchange.sendForList("GET", "/scopes/all", OPEN, ApiScope.class);
  }

  /**
   * The scopes every organisation may use without an access grant ({@code GET
   * /scopes/all?accessible_for_all=true}).
   */
  public List<ApiScope> listAccessibleForAll() {
    return await(listAccessibleForAllAsync());
  }

  /** The asynchronous twin of {@link #listAccessibleForAll}. */
  public CompletableFuture<List<ApiScope>> listAccessibleForAllAsync() {
    String path = "/scopes/all?accessible_for_all=true";
    return exchange.sendForList("GET", path, OPEN, ApiScope.class);
  }

  /**
   * Who has access to one of your scopes ({@code GET /scopes/access?scope=…}, scopes.write).
   *
   * @throws SelfServiceErrorException with status 404 when your organisation owns no such scope
   */
  public List<ScopeAccess> listAccess(Scope scope) {
    return await(listAccessAsync(scope));
  }

  /** The asynchronous twin of {@link #listAccess}. */
  public CompletableFuture<List<ScopeAccess>> listAccessAsync(Scope scope) {
    String path = "/scopes/access?scope=" + query(scope);
    return exchange.sendForList("GET", path, Scope.SCOPES_WRITE, ScopeAccess.class);
  }

  /**
   * Gives {@code consumer} access to one of your scopes ({@code PUT
   * /scopes/access/{consumer_orgno}?scope=…}, scopes.write); it can then register the scope on its
   * clients and get tokens.
   */
  public ScopeAccess grant(Scope scope, OrgNumber consumer) {
    return await(grantAsync(scope, consumer));
  }

  /** The asynchronous twin of {@link #grant}. */
  public CompletableFuture<ScopeAccess> grantAsync(Scope scope, OrgNumber consumer) {
    return exchange.send(
        "PUT", accessPath(scope, consumer), Scope.SCOPES_WRITE, null, ScopeAccess.class);
  }

  /**
   * Takes {@code consumer}'s access to one of your scopes away ({@code DELETE
   * /scopes/access/{consumer_orgno}?scope=…}, scopes.write).
   *
   * @throws SelfServiceErrorException with status 404 when the consumer has no such access
   */
  public void revoke(Scope scope, OrgNumber consumer) {
    await(revokeAsync(scope, consumer));
  }

  /** The asynchronous twin of {@link #revoke}. */
  public CompletableFuture<Void> revokeAsync(Scope scope, OrgNumber consumer) {
    return exchange.send("DELETE", accessPath(scope, consumer), Scope.SCOPES_WRITE, null, null);
  }

  /** The scopes other owners gave your organisation access to ({@code GET /scopes/access/all}). */
  public List<ScopeAccess> listGranted() {
    return await(listGrantedAsync());
  }

  /** The asynchronous twin of {@link #listGranted}. */
  public CompletableFuture<List<ScopeAccess>> listGrantedAsync() {
    return exchange.sendForList("GET", "/scopes/access/all", Scope.DCR_READ, ScopeAccess.class);
  }

  /**
   * The registers where consumers delegate access to suppliers ({@code GET /delegationsources});
   * their issuers are the values a scope's {@code delegation_source} may take.
   */
  public List<DelegationSource> delegationSources() {
    return await(delegationSourcesAsync());
  }

  /** The asynchronous twin of {@link #delegationSources}. */
  public CompletableFuture<List<DelegationSource>> delegationSourcesAsync() {
    return exchange.sendForList("GET", "/delegationsources", OPEN, DelegationSource.class);
  }

  private static String scopePath(Scope scope) {
    return "/scopes?scope=" + query(scope);
  }

  private static String accessPath(Scope scope, OrgNumber consumer) {
    Objects.requireNonNull(consumer, "consumer == null");
    return "/scopes/access/" + consumer.value() + "?scope=" + query(scope);
  }

  // A Scope's characters (letters, digits, . _ - / :) are all allowed in a query unescaped.
  private static String query(Scope scope) {
    return Objects.requireNonNull(scope, "scope == null").value();
  }
}
