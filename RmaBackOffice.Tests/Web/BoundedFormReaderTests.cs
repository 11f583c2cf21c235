using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using RmaBackOffice.Web;

namespace RmaBackOffice.Tests.Web;

/// <summary>The reader itself, on crafted bodies: what it keeps in memory whatever a post carries.</summary>
public class BoundedFormReaderTests
{
    private const long FileBytes = 4 * 1024;
    private static readonly FormReadLimits Limits = new(FileBytes, 64 * 1024 * 1024, "Resume");

    [Fact]
    public async Task File_parts_under_names_the_form_does_not_have_are_read_past_and_only_the_expected_one_is_kept()
    {
        var body = new MultipartFormDataContent();
        body.Add(new StringContent("Lena"), "Input.FirstName");
        for (var i = 0; i < 12; i++)
        {
            body.Add(new ByteArrayContent(new byte[FileBytes]), $"junk{i}", $"junk{i}.pdf");
        }
        body.Add(new ByteArrayContent(new byte[100]), "Resume", "cv.pdf");
        body.Add(new ByteArrayContent(new byte[FileBytes]), "Other", "other.pdf");

        var read = await ReadAsync(body, Limits);

        var form = Assert.IsAssignableFrom<IFormCollection>(read.Form);
        var file = Assert.Single(form.Files);
        Assert.Equal("Resume", file.Name);
        Assert.Equal(100, file.Length);
        Assert.Equal("Lena", form["Input.FirstName"]);
        Assert.Empty(read.OversizedFiles);
        Assert.True(read.KeptBytes <= Limits.MaxKeptBytes);
        Assert.Equal(100 + "Lena".Length, read.KeptBytes);
    }

    [Fact]
    public async Task Many_files_under_the_expected_name_keep_only_the_first_and_name_the_rest()
    {
        var body = new MultipartFormDataContent();
        for (var i = 0; i < 12; i++)
        {
            body.Add(new ByteArrayContent(new byte[FileBytes]), "resume", $"cv{i}.pdf");
        }

        var read = await ReadAsync(body, Limits);

        var file = Assert.Single(read.Form!.Files);
        Assert.Equal("cv0.pdf", file.FileName);
        Assert.Equal(11, read.SurplusFiles.Count);
        Assert.Equal(FileBytes, read.KeptBytes);
    }

    [Fact]
    public async Task A_page_without_a_file_field_keeps_no_file_at_all()
    {
        var body = new MultipartFormDataContent();
        body.Add(new ByteArrayContent(new byte[100]), "Resume", "cv.pdf");

        var read = await ReadAsync(body, new FormReadLimits(0, 64 * 1024 * 1024));

        Assert.Empty(read.Form!.Files);
        Assert.Equal(0, read.KeptBytes);
    }

    [Fact]
    public async Task Text_fields_past_the_kept_bytes_cap_refuse_the_form_as_too_large()
    {
        // The job-order page's case: no file, many fields of 64 KB each.
        var body = new MultipartFormDataContent();
        for (var i = 0; i < 200; i++)
        {
            body.Add(new StringContent(new string('x', 64 * 1024)), $"f{i}");
        }

        var read = await ReadAsync(body, new FormReadLimits(0, 64 * 1024 * 1024));

        Assert.Null(read.Form);
        Assert.True(read.TooLarge);
    }

    [Fact]
    public async Task Text_fields_and_a_file_that_fit_each_but_not_together_refuse_the_form_as_too_large()
    {
        var body = new MultipartFormDataContent();
        for (var i = 0; i < 4; i++)
        {
            body.Add(new StringContent(new string('x', 64 * 1024)), $"f{i}");
        }
        body.Add(new StringContent(new string('x', 2 * 1024)), "f4");
        body.Add(new ByteArrayContent(new byte[FileBytes]), "Resume", "cv.pdf");

        var read = await ReadAsync(body, Limits);

        Assert.Null(read.Form);
        Assert.True(read.TooLarge);
        Assert.Equal("Resume", read.TooLargeAt);
    }

    [Fact]
    public async Task An_oversized_expected_file_is_still_named_for_the_field_message()
    {
        var body = new MultipartFormDataContent();
        body.Add(new StringContent("Lena"), "Input.FirstName");
        body.Add(new ByteArrayContent(new byte[FileBytes + 1]), "Resume", "cv.pdf");

        var read = await ReadAsync(body, Limits);

        Assert.Equal(["Resume"], read.OversizedFiles);
        Assert.Empty(read.Form!.Files);
    }

    [Fact]
    public async Task A_body_that_stops_arriving_is_given_up_at_the_read_deadline()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "multipart/form-data; boundary=b";
        context.Request.Body = new StalledStream(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"));

        var read = await BoundedFormReader.ReadAsync(context.Request, Limits with { ReadTimeout = TimeSpan.FromMilliseconds(200) }, CancellationToken.None);

        Assert.True(read.TimedOut);
        Assert.Null(read.Form);
    }

    [Theory]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    public void The_rate_limit_counts_an_ipv6_client_by_its_64_prefix_and_an_ipv4_one_by_its_address(string address, string key) =>
        Assert.Equal(key, ClientAddress.PartitionKey(IPAddress.Parse(address)));

    [Fact]
    public void Two_addresses_of_one_ipv6_64_share_a_partition() =>
        Assert.Equal(ClientAddress.PartitionKey(IPAddress.Parse("2001:db8::1")), ClientAddress.PartitionKey(IPAddress.Parse("2001:db8::abcd:1234")));

    private static async Task<BoundedForm> ReadAsync(MultipartFormDataContent body, FormReadLimits limits)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = body.Headers.ContentType!.ToString();
        context.Request.Body = await body.ReadAsStreamAsync();
        return await BoundedFormReader.ReadAsync(context.Request, limits, CancellationToken.None);
    }

    /// <summary>Sends its bytes, then nothing more until cancelled: a trickle at its slowest.</summary>
    private sealed class StalledStream(byte[] start) : Stream
    {
        private int position;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (position < start.Length)
            {
                var n = Math.Min(buffer.Length, start.Length - position);
                start.AsMemory(position, n).CopyTo(buffer);
                position += n;
                return n;
            }
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
