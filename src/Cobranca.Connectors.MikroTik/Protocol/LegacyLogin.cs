using System.Security.Cryptography;
using System.Text;

namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>The pre-6.43 challenge login: <c>=response=00</c> + hex(md5(0x00 ‖ password ‖ unhex(challenge))).</summary>
internal static class LegacyLogin
{
    public static string Response(string password, string challengeHex)
    {
        byte[] challenge;
        try
        {
            challenge = Convert.FromHexString(challengeHex);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException("RouterOS sent a login challenge that is not hex.", ex);
        }
        var pw = Encoding.UTF8.GetBytes(password);
        var input = new byte[1 + pw.Length + challenge.Length];
        pw.CopyTo(input, 1);
        challenge.CopyTo(input, 1 + pw.Length);
#pragma warning disable CA5351 // MD5 is what the legacy RouterOS login protocol mandates; it is not our choice of hash.
        var hash = MD5.HashData(input);
#pragma warning restore CA5351
        return "00" + Convert.ToHexStringLower(hash);
    }
}
