namespace Cobranca.Cli;

/// <summary>Process exit codes of <c>cobranca</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad command line or bad input (System.CommandLine also uses 1 for parse errors).</summary>
    public const int Usage = 1;

    /// <summary>The external system (ERP, router, PSP) failed or refused.</summary>
    public const int ProviderError = 2;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
