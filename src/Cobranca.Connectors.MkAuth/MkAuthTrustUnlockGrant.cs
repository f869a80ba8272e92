namespace Cobranca.Connectors.MkAuth;

/// <summary>A trust unlock the SDK granted (kept in an <see cref="IMkAuthTrustUnlockStore"/> to enforce the policy).</summary>
/// <param name="Tenant">The tenant (MK-Auth server) it applies to.</param>
/// <param name="CustomerId">The customer (canonical <c>uuid_cliente</c> of the person).</param>
/// <param name="ContractId">The login's <c>uuid_cliente</c> that was unlocked.</param>
/// <param name="GrantedAt">When it was granted.</param>
/// <param name="Until">When it ends.</param>
/// <param name="Method">How it was applied: <c>cliente/desbloqueio</c> or <c>cliente/editar</c>.</param>
public sealed record MkAuthTrustUnlockGrant(string Tenant, string CustomerId, string ContractId, DateTimeOffset GrantedAt, DateTimeOffset Until, string Method);
