using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing.Ixc;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// The cost of <see cref="IxcClient"/> (Refit, the resilience pipeline, telemetry, error-shape checks, mapping to the
/// common models with their Raw dictionaries) over a hand-written call: raw <see cref="HttpClient"/> + System.Text.Json
/// (source-generated) into a string-only DTO, with the same URL, headers and body, against the same IXC sandbox on
/// loopback (in a child process, so only the client's allocations are counted). Two calls: a <c>cliente</c> lookup by
/// CPF (1 row) and a <c>fn_areceber</c> listing of every open invoice (one page). Target: at most 1.15x the time and 2x
/// the allocations of the raw path. Run: --filter '*IxcClientOverhead*'.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class IxcClientOverheadBenchmarks
{
    private const int PageSize = 100;
    private IxcSandboxProcess _server = null!;
    private IxcClient _client = null!;
    private IBillingSystem _billing = null!;
    private HttpClient _raw = null!;
    private InvoiceQuery _query = null!;
    private Uri _cliente = null!;
    private Uri _areceber = null!;

    /// <summary>Open invoices returned by the listing (one page).</summary>
    public int Rows { get; private set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // The built-in seed plus 30 generated customers: 50-odd open invoices, so one page of 100 holds them all.
        _server = IxcSandboxProcess.Start(generatedCustomers: 0, seedCustomers: 30);
        _client = new IxcClient(new IxcClientOptions { BaseAddress = _server.BaseUrl, UserId = _server.UserId, Token = _server.Token });
        _billing = _client.AsBillingSystem();
        _query = new InvoiceQuery { PageSize = PageSize };

        _raw = new HttpClient { BaseAddress = new Uri(_server.BaseUrl, "webservice/v1/") };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_server.UserId}:{_server.Token}")));
        _raw.DefaultRequestHeaders.Add("ixcsoft", "listar");
        _cliente = new Uri(_raw.BaseAddress, "cliente");
        _areceber = new Uri(_raw.BaseAddress, "fn_areceber");

        // Both paths must see the same data.
        var sdkInvoices = await Sdk_OpenInvoices();
        var rawInvoices = await Raw_OpenInvoices();
        var allFields = await Raw_OpenInvoices_AllFields();
        var sdkCustomer = await Sdk_CustomerByCpf();
        var rawCustomer = await Raw_CustomerByCpf();
        if (sdkInvoices != rawInvoices || allFields != rawInvoices || sdkCustomer != rawCustomer || sdkInvoices is 0 or >= PageSize)
            throw new InvalidOperationException($"Paths disagree: invoices {sdkInvoices}/{rawInvoices}, customers {sdkCustomer}/{rawCustomer}.");
        Rows = sdkInvoices;
        Console.WriteLine($"// open invoices per listing: {Rows}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("CustomerByCpf")]
    public async Task<int> Raw_CustomerByCpf()
    {
        var page = await PostAsync(_cliente, CustomerBody, RawIxcJson.Default.RawPageRawCustomer);
        return page.Registros?.Count(c => c.CnpjCpf == IxcSandboxData.MariaCpf) ?? 0;
    }

    [Benchmark, BenchmarkCategory("CustomerByCpf")]
    public async Task<int> Sdk_CustomerByCpf() =>
        (await _billing.FindCustomersAsync(CustomerLookup.ByDocument(IxcSandboxData.MariaCpf))).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("OpenInvoicesPage")]
    public async Task<int> Raw_OpenInvoices()
    {
        var page = await PostAsync(_areceber, InvoicesBody, RawIxcJson.Default.RawPageRawInvoice);
        return page.Registros?.Count(i => i.Status == "A" && i.Liberado == "S") ?? 0;
    }

    /// <summary>The raw path keeping every field of every row, as the SDK's <c>Raw</c> dictionaries do.</summary>
    [Benchmark, BenchmarkCategory("OpenInvoicesPage")]
    public async Task<int> Raw_OpenInvoices_AllFields()
    {
        var page = await PostAsync(_areceber, InvoicesBody, RawIxcJson.Default.RawPageDictionaryStringString);
        return page.Registros?.Count(i => i["status"] == "A" && i["liberado"] == "S") ?? 0;
    }

    [Benchmark, BenchmarkCategory("OpenInvoicesPage")]
    public async Task<int> Sdk_OpenInvoices()
    {
        var count = 0;
        await foreach (var _ in _billing.ListOpenInvoicesAsync(_query)) count++;
        return count;
    }

    // The bodies IxcClient sends for these two calls (see docs/ixc.md, "What each method calls").
    private static readonly byte[] CustomerBody = Encoding.UTF8.GetBytes(
        """{"qtype":"cliente.cnpj_cpf","query":"123.456.789-09","oper":"=","page":"1","rp":"500","sortname":"cliente.id","sortorder":"asc","grid_param":"[]"}""");

    private static readonly byte[] InvoicesBody = Encoding.UTF8.GetBytes(
        """{"qtype":"fn_areceber.liberado","query":"S","oper":"=","page":"1","rp":"100","sortname":"fn_areceber.id","sortorder":"asc","grid_param":"[{\"TB\":\"fn_areceber.status\",\"OP\":\"=\",\"P\":\"A\"}]"}""");

    private async Task<T> PostAsync<T>(Uri uri, byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _raw.PostAsync(uri, content);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(stream, typeInfo))!;
    }
}

/// <summary>A listing page as a hand-written integration would model it.</summary>
public sealed class RawPage<T>
{
    [JsonPropertyName("total")] public string? Total { get; set; }
    [JsonPropertyName("registros")] public List<T>? Registros { get; set; }
}

/// <summary>The <c>cliente</c> fields a hand-written integration would read.</summary>
public sealed class RawCustomer
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("razao")] public string? Name { get; set; }
    [JsonPropertyName("cnpj_cpf")] public string? CnpjCpf { get; set; }
    [JsonPropertyName("telefone_celular")] public string? Mobile { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("ativo")] public string? Active { get; set; }
}

/// <summary>The <c>fn_areceber</c> fields a hand-written integration would read.</summary>
public sealed class RawInvoice
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("id_cliente")] public string? CustomerId { get; set; }
    [JsonPropertyName("id_contrato")] public string? ContractId { get; set; }
    [JsonPropertyName("data_vencimento")] public string? DueDate { get; set; }
    [JsonPropertyName("valor")] public string? Amount { get; set; }
    [JsonPropertyName("valor_aberto")] public string? OpenAmount { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("liberado")] public string? Liberado { get; set; }
}

[JsonSerializable(typeof(RawPage<RawCustomer>))]
[JsonSerializable(typeof(RawPage<RawInvoice>))]
[JsonSerializable(typeof(RawPage<Dictionary<string, string>>))]
internal sealed partial class RawIxcJson : JsonSerializerContext;
