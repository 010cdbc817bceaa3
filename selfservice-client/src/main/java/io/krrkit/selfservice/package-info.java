/**
 * A client for Digdir's self-service API ({@code api.samarbeid.digdir.no}): register, read, change
 * and delete integrations (clients) and their public keys. Start at {@link
 * io.krrkit.selfservice.SelfServiceClient#builder()}.
 */
package io.krrkit.selfservice;
