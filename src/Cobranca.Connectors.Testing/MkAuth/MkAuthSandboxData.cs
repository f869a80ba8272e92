namespace Cobranca.Connectors.Testing.MkAuth;

/// <summary>The well-known records of an <see cref="MkAuthSandbox"/> started without <see cref="MkAuthSandboxOptions.Data"/>.</summary>
public static class MkAuthSandboxData
{
    /// <summary>Maria's CPF as her first login stores it (masked). Her second login stores it as digits.</summary>
    public const string MariaCpf = "529.982.247-25";

    /// <summary>Maria's CPF, digits only.</summary>
    public const string MariaCpfDigits = "52998224725";

    /// <summary>Maria's first login (blocked; one overdue <c>vencido</c>, one upcoming <c>aberto</c>, one paid and one cancelled title).</summary>
    public const string MariaLogin = "maria.silva";

    /// <summary>Maria's <c>uuid_cliente</c> of the first login (her customer id).</summary>
    public const string MariaUuid = "6f1c2a9e-3b7d-11ef-9a51-0242ac120002";

    /// <summary>Maria's second login (active; a title still <c>aberto</c> three days after its due date).</summary>
    public const string MariaSecondLogin = "maria.casa";

    /// <summary>The second login's <c>uuid_cliente</c>.</summary>
    public const string MariaSecondUuid = "7a2d3bf0-3b7d-11ef-9a51-0242ac120002";

    /// <summary>Maria's overdue title (<c>vencido</c>, with linha digitável and Pix).</summary>
    public const string MariaOverdueTitleUuid = "a41e9b7c-5c2f-11ef-8d2a-0242ac120002";

    /// <summary>The overdue title's number.</summary>
    public const string MariaOverdueTitleNumber = "48211";

    /// <summary>Maria's upcoming title (<c>aberto</c>, no boleto registered, no Pix).</summary>
    public const string MariaUpcomingTitleUuid = "c02d7e11-6bd0-11ef-8d2a-0242ac120002";

    /// <summary>The second login's title: <c>aberto</c> but past its due date (MK-Auth's status job has not run).</summary>
    public const string MariaLateOpenTitleUuid = "d13e8f22-6bd0-11ef-8d2a-0242ac120002";

    /// <summary>Maria's cancelled title (<c>deltitulo=1</c>).</summary>
    public const string MariaCancelledTitleUuid = "e24f9033-6bd0-11ef-8d2a-0242ac120002";

    /// <summary>Maria's PPPoE password as MK-Auth returns it in <c>senha</c> (the client must drop it).</summary>
    public const string MariaPassword = "s3nh@PPPoE-maria";

    /// <summary>João's CPF (stored as digits only); active, nothing owed.</summary>
    public const string JoaoCpf = "111.444.777-35";

    /// <summary>João's login.</summary>
    public const string JoaoLogin = "joao.souza";

    /// <summary>Ana's CPF (stored masked): blocked with one overdue title, the trust-unlock candidate.</summary>
    public const string AnaCpf = "390.533.447-05";

    /// <summary>Ana's login.</summary>
    public const string AnaLogin = "ana.lima";

    /// <summary>Ana's <c>uuid_cliente</c>.</summary>
    public const string AnaUuid = "8b3e4c01-3b7d-11ef-9a51-0242ac120002";

    /// <summary>A company's CNPJ (stored masked).</summary>
    public const string CompanyCnpj = "11.222.333/0001-81";

    /// <summary>The company's login.</summary>
    public const string CompanyLogin = "mercado.central";

    /// <summary>A customer whose name MK-Auth serves as mojibake in the legacy profile ("JOSÉ" stored as "JOSÃ‰").</summary>
    public const string JoseLogin = "jose.araujo";

    /// <summary>José's real name.</summary>
    public const string JoseName = "JOSÉ ARAÚJO CONCEIÇÃO";
}
