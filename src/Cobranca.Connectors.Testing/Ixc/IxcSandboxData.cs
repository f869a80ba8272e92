namespace Cobranca.Connectors.Testing.Ixc;

/// <summary>
/// The well-known records every <see cref="IxcSandbox"/> is seeded with (due dates are relative to the sandbox's
/// "today"), so tests and demos can rely on each IXC quirk being present. All data is fictitious.
/// </summary>
public static class IxcSandboxData
{
    /// <summary>Maria: CPF stored masked, mobile in <c>telefone_celular</c>, blocked automatically (<c>CA</c>), debt with two overdue invoices (one partly paid), an upcoming one, an <c>id_contrato_avulso</c> one, plus paid, cancelled and hidden (<c>liberado = N</c>) ones.</summary>
    public const string MariaCustomerId = "1001";
    /// <summary>Maria's CPF, as IXC stores it (masked).</summary>
    public const string MariaCpf = "123.456.789-09";
    /// <summary>Maria's mobile, as IXC stores it.</summary>
    public const string MariaMobile = "(79) 99876-5432";
    /// <summary>Maria's contract (status A, status_internet CA, trust unlock allowed and unused).</summary>
    public const string MariaContractId = "2001";
    /// <summary>Maria's PPPoE login (online).</summary>
    public const string MariaLogin = "maria.santos";
    /// <summary>Maria's <c>radusuarios</c> id.</summary>
    public const string MariaRadiusUserId = "4001";
    /// <summary>Overdue 38 days, 99.90 open, boleto registered (linha digitável, gateway link) and a Pix txid.</summary>
    public const string MariaOverdueInvoiceId = "3001";
    /// <summary>Overdue 10 days, valor 99.90 with 40.00 received: 59.90 open.</summary>
    public const string MariaPartialInvoiceId = "3002";
    /// <summary>Due in 21 days, 99.90, no boleto registered yet and no Pix txid (get_pix creates one).</summary>
    public const string MariaUpcomingInvoiceId = "3003";
    /// <summary>Paid (status R).</summary>
    public const string MariaPaidInvoiceId = "3004";
    /// <summary>Cancelled (status C).</summary>
    public const string MariaCancelledInvoiceId = "3005";
    /// <summary>Open but hidden (<c>liberado = N</c>): never part of the debt.</summary>
    public const string MariaHiddenInvoiceId = "3006";
    /// <summary>Overdue 5 days, 50.00, linked only through <c>id_contrato_avulso</c> (<c>id_contrato</c> empty).</summary>
    public const string MariaAvulsoInvoiceId = "3007";

    /// <summary>João: a company (CNPJ stored masked), active contract, WhatsApp holding Maria's mobile without the ninth digit (a shared phone).</summary>
    public const string JoaoCustomerId = "1002";
    /// <summary>João's CNPJ, as IXC stores it.</summary>
    public const string JoaoCnpj = "11.222.333/0001-81";
    /// <summary>João's contract (status_internet A, nothing overdue).</summary>
    public const string JoaoContractId = "2002";
    /// <summary>João's upcoming invoice.</summary>
    public const string JoaoUpcomingInvoiceId = "3008";

    /// <summary>Pedro: CPF stored <b>without</b> mask (legacy import), the same last eight phone digits as Maria but in area code 11, inactive contract (status I).</summary>
    public const string PedroCustomerId = "1003";
    /// <summary>Pedro's CPF as stored (bare digits).</summary>
    public const string PedroCpf = "52998224725";
    /// <summary>Pedro's inactive contract (trust unlock answers code 109).</summary>
    public const string PedroContractId = "2003";

    /// <summary>Ana: blocked for late payment (<c>FA</c>) and her trust unlock already used and not paid (code 113).</summary>
    public const string AnaCustomerId = "1004";
    /// <summary>Ana's CPF (masked).</summary>
    public const string AnaCpf = "111.444.777-35";
    /// <summary>Ana's contract.</summary>
    public const string AnaContractId = "2004";
    /// <summary>Ana's overdue invoice (paying it re-enables the trust unlock).</summary>
    public const string AnaOverdueInvoiceId = "3010";

    /// <summary>A contract id that does not exist (trust unlock answers code 106).</summary>
    public const string MissingId = "999999";

    /// <summary>First id of the generated customers (<c>1100</c>, <c>1101</c> ...); their contracts are <c>2100+</c>, logins <c>cliente1100</c> ...</summary>
    public const int FirstGeneratedCustomerId = 1100;
}
