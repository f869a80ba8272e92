namespace Cobranca.Connectors.Abstractions;

/// <summary>Argument checks every <see cref="IStateStore"/> implementation applies the same way.</summary>
internal static class StateKeys
{
    public static string Check(string key, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(key, parameterName);
        if (key.Length > IStateStore.MaxKeyLength)
            throw new ArgumentException($"A state key or collection name is at most {IStateStore.MaxKeyLength} characters (got {key.Length}).", parameterName);
        return key;
    }
}
