using System.Net;
using Pitchey.Gateway.Alerts;

namespace Pitchey.Gateway.Tests.Alerts;

/// <summary>Where a webhook may connect, address by address, as the sender checks each one a name resolves to.</summary>
public sealed class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("[::1]", "::1")]
    [InlineData("hooks.example", "10.0.0.7")]
    [InlineData("hooks.example", "203.0.113.5")]
    [InlineData("hooks.example", "2001:db8::5")]
    public void Allows_LoopbackForLoopbackHosts_OtherAddressesForAllowedNames(string host, string address) =>
        Assert.True(WebhookAddressPolicy.Allows(host, IPAddress.Parse(address)));

    [Theory]
    [InlineData("localhost", "10.0.0.7")] // a loopback host never leaves the machine
    [InlineData("hooks.example", "127.0.0.1")] // an allowed name never reaches the management port
    [InlineData("hooks.example", "::1")]
    [InlineData("hooks.example", "::ffff:127.0.0.1")]
    [InlineData("hooks.example", "169.254.169.254")] // cloud metadata
    [InlineData("hooks.example", "::ffff:169.254.169.254")]
    [InlineData("hooks.example", "64:ff9b::a9fe:a9fe")] // the same through NAT64
    [InlineData("hooks.example", "fe80::1")]
    [InlineData("hooks.example", "0.0.0.0")]
    [InlineData("hooks.example", "::")]
    [InlineData("hooks.example", "224.0.0.1")]
    [InlineData("hooks.example", "255.255.255.255")]
    [InlineData("hooks.example", "ff02::1")]
    public void Refuses_WhatThePolicyForbids(string host, string address) =>
        Assert.False(WebhookAddressPolicy.Allows(host, IPAddress.Parse(address)));
}
