using System.Net;
using System.Net.Sockets;

namespace RmaBackOffice.Web;

/// <summary>Who a per-client limit counts against.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The rate-limit key for a client address: an IPv4 address whole, an IPv6 one by its /64 prefix, since one subscriber
    /// is routinely handed a whole /64 and could otherwise take a fresh address (and a fresh limit) for every request.
    /// An IPv4-mapped IPv6 address counts as its IPv4 address.
    /// </summary>
    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
