using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public class AccessStatusTests
{
    [Fact]
    public void Unknown_codes_are_kept_not_thrown()
    {
        var status = new AccessStatus("radius-suspended");
        Assert.False(status.IsKnown);
        Assert.False(status.HasFullAccess);
        Assert.Equal("radius-suspended", status.Value);
        Assert.Equal("radius-suspended", status.ToString());
        Assert.NotEqual(AccessStatus.Unknown, status);
    }

    [Fact]
    public void Known_statuses_compare_case_insensitively()
    {
        Assert.Equal(AccessStatus.Active, new AccessStatus("ACTIVE"));
        Assert.True(new AccessStatus("Blocked").IsKnown);
        Assert.Equal(AccessStatus.Blocked.GetHashCode(), new AccessStatus("BLOCKED").GetHashCode());
        Assert.True(AccessStatus.Active != AccessStatus.Blocked);
        Assert.False(AccessStatus.Unknown.IsKnown);
    }

    [Fact]
    public void Default_is_unknown()
    {
        AccessStatus status = default;
        Assert.Equal(AccessStatus.Unknown, status);
        Assert.Equal("unknown", status.Value);
        Assert.False(status.IsKnown);
    }

    [Fact]
    public void Only_active_and_trust_unlocked_have_full_access()
    {
        Assert.True(AccessStatus.Active.HasFullAccess);
        Assert.True(AccessStatus.TrustUnlocked.HasFullAccess);
        Assert.False(AccessStatus.Blocked.HasFullAccess);
        Assert.False(AccessStatus.Throttled.HasFullAccess);
        Assert.False(AccessStatus.Inactive.HasFullAccess);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Empty_names_are_refused(string value) => Assert.Throws<ArgumentException>(() => new AccessStatus(value));
}
