/**
 * A client for Digdir's self-service API ({@code api.samarbeid.digdir.no}): register, read, change
 * and delete integrations (clients), their public keys and on-behalf-of registrations, as an
 * organisation or as a supplier for customers; and, through {@link
 * io.krrkit.selfservice.SelfServiceClient#scopes()}, an API owner's scopes and access grants. Start
 * at {@link io.krrkit.selfservice.SelfServiceClient#builder()}.
 */
package io.krrkit.selfservice;
