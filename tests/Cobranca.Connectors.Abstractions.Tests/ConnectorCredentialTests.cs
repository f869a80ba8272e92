using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public sealed class ConnectorCredentialTests
{
    [Fact]
    public void A_secret_reveals_its_value_but_never_prints_it()
    {
        var secret = new ConnectorSecret("s3cr3t-token");

        Assert.Equal("s3cr3t-token", secret.Reveal());
        Assert.Equal("***", secret.ToString());
        Assert.DoesNotContain("s3cr3t", $"{secret}", StringComparison.Ordinal);
    }

    [Fact]
    public void Update_replaces_the_value_for_the_next_reader()
    {
        var secret = new ConnectorSecret("old");
        secret.Update("new");
        Assert.Equal("new", secret.Reveal());
        Assert.Throws<ArgumentNullException>(() => secret.Update(null!));
        Assert.Throws<ArgumentNullException>(() => new ConnectorSecret(null!));
        Assert.Equal(string.Empty, new ConnectorSecret(string.Empty).Reveal()); // a router user may have no password
    }

    [Fact]
    public void A_credential_prints_the_user_only()
    {
        var credential = new ConnectorCredential("102", "c46f00d-token");

        Assert.Equal("102", credential.ToString());
        Assert.Equal("102", credential.User);
        Assert.Equal("c46f00d-token", credential.Secret.Reveal());
        Assert.Equal("***", credential.Secret.ToString());
        var (user, secret) = credential;
        Assert.Equal(("102", "c46f00d-token"), (user, secret));
    }

    [Fact]
    public void Update_replaces_user_and_secret_together()
    {
        var credential = new ConnectorCredential("1", "a");
        credential.Update("2", "b");
        Assert.Equal(("2", "b"), Read(credential));

        credential.Secret.Update("c"); // the secret alone
        Assert.Equal(("2", "c"), Read(credential));
        Assert.Throws<ArgumentNullException>(() => credential.Update(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => credential.Update("x", null!));
        Assert.Equal(("2", "c"), Read(credential)); // a refused update changes nothing
    }

    [Fact]
    public async Task Readers_never_see_a_user_with_another_users_secret()
    {
        // Pairs are (n, "secret-n"): a torn read would show a user with a secret of another pair.
        var credential = new ConnectorCredential("0", "secret-0");
        var writer = Task.Run(() =>
        {
            for (var i = 1; i < 20_000; i++) credential.Update(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "secret-" + i);
        });
        var torn = 0;
        while (!writer.IsCompleted)
        {
            var (user, secret) = credential;
            if (secret != "secret-" + user) torn++;
        }
        await writer;
        Assert.Equal(0, torn);
        Assert.Equal(("19999", "secret-19999"), Read(credential));
    }

    private static (string, string) Read(ConnectorCredential credential)
    {
        var (user, secret) = credential;
        return (user, secret);
    }
}
