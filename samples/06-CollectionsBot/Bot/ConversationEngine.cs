using System.Collections.Concurrent;
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectionsBot.Bot;

/// <summary>What the engine did with an inbound message.</summary>
public enum BotHandling
{
    /// <summary>Answered (state saved, replies sent).</summary>
    Answered,
    /// <summary>A redelivery of a message already handled: nothing sent, nothing changed.</summary>
    Duplicate,
    /// <summary>A person has the conversation: recorded, not answered.</summary>
    HandedOff,
}

/// <summary>
/// The collections conversation: greet → identify by the WhatsApp number (ninth digit tolerated) → second factor
/// (the first digits of the holder's CPF/CNPJ) <b>before anything is disclosed</b> → menu (second copy, trust unlock,
/// a person). State lives in an <see cref="IStateStore"/> (<c>bot.conversation</c>), written with optimistic concurrency
/// before any reply is sent, with the inbound message id inside it: a redelivered webhook is answered once.
/// </summary>
public sealed class ConversationEngine
{
    /// <summary>Choice ids of the menu buttons.</summary>
    public const string ChoiceSecondCopy = "menu:2via", ChoiceTrustUnlock = "menu:unlock", ChoiceHuman = "menu:human";

    /// <summary>Prefix of the invoice list rows' ids.</summary>
    public const string ChoiceInvoicePrefix = "inv:";

    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");
    private readonly IBillingSystem _billing;
    private readonly SecondCopyService _secondCopy;
    private readonly BotStores _stores;
    private readonly IBotChannel _channel;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Creates the engine.</summary>
    public ConversationEngine(IBillingSystem billing, SecondCopyService secondCopy, BotStores stores, IBotChannel channel,
        BotOptions options, TimeProvider? timeProvider = null, ILogger<ConversationEngine>? logger = null)
    {
        _billing = billing;
        _secondCopy = secondCopy;
        _stores = stores;
        _channel = channel;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Handles one inbound message: decide, save, then send.</summary>
    public async Task<BotHandling> HandleAsync(BotInbound inbound, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var gate = _gates.GetOrAdd(inbound.From, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var entry = await _stores.Conversations.GetAsync(inbound.From, cancellationToken);
                var current = entry is null ? new Conversation() : Conversation.FromJson(entry.Value);
                if (current.Seen.Contains(inbound.MessageId, StringComparer.Ordinal)) return BotHandling.Duplicate;

                var (next, replies) = await DecideAsync(current, inbound, cancellationToken);
                next = next with
                {
                    LastInboundAt = inbound.Timestamp > (current.LastInboundAt ?? DateTimeOffset.MinValue) ? inbound.Timestamp : current.LastInboundAt,
                    Seen = [.. current.Seen.TakeLast(_options.SeenCapacity - 1), inbound.MessageId],
                };
                var saved = entry is null
                    ? await _stores.Conversations.TryAddAsync(inbound.From, next.ToJson(), cancellationToken)
                    : await _stores.Conversations.TryUpdateAsync(inbound.From, next.ToJson(), entry.Version, cancellationToken) is not null;
                if (!saved)
                {
                    // Another instance wrote this conversation first: re-read and decide again.
                    if (attempt >= 5) throw new InvalidOperationException("The conversation kept changing under this instance; giving up.");
                    continue;
                }

                foreach (var reply in replies)
                {
                    await _channel.SendAsync(inbound.From, reply, cancellationToken);
                }
                return next.Phase == ConversationPhase.HandedOff && replies.Count == 0 ? BotHandling.HandedOff : BotHandling.Answered;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Gives a handed-off conversation back to the bot (the next message starts from the second factor).</summary>
    public async Task<bool> ReleaseAsync(string waId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var entry = await _stores.Conversations.GetAsync(waId, cancellationToken);
            if (entry is null) return false;
            var current = Conversation.FromJson(entry.Value);
            if (current.Phase != ConversationPhase.HandedOff) return false;
            var next = current with { Phase = ConversationPhase.New, CustomerId = null, VerifiedAt = null, HandedOffAt = null };
            if (await _stores.Conversations.TryUpdateAsync(waId, next.ToJson(), entry.Version, cancellationToken) is not null) return true;
        }
        return false;
    }

    /// <summary>The conversations a person should pick up (handed off), oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListHandedOffAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<(string Key, DateTimeOffset At)>();
        await foreach (var entry in _stores.Conversations.ListAsync(null, cancellationToken))
        {
            var c = Conversation.FromJson(entry.Value);
            if (c.Phase == ConversationPhase.HandedOff) list.Add((entry.Key, c.HandedOffAt ?? entry.UpdatedAt));
        }
        return [.. list.OrderBy(x => x.At).Select(x => x.Key)];
    }

    private async Task<(Conversation Next, List<BotMessage> Replies)> DecideAsync(Conversation c, BotInbound inbound, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var replies = new List<BotMessage>();
        var text = (inbound.Text ?? string.Empty).Trim();

        if (c.Phase == ConversationPhase.HandedOff) return (c, replies); // a person answers now

        if (inbound.ChoiceId == ChoiceHuman || IsHumanRequest(text))
        {
            replies.Add(new BotText("Certo! Vou chamar uma pessoa da nossa equipe para continuar esta conversa. É só aguardar por aqui."));
            _logger.LogInformation("Conversation handed off to a person.");
            return (c with { Phase = ConversationPhase.HandedOff, HandedOffAt = now }, replies);
        }

        if (c.LockedUntil is { } until && until > now)
        {
            replies.Add(new BotText(
                $"Por segurança, a consulta por aqui está bloqueada até {TimeZoneInfo.ConvertTime(until, BrazilTime.Zone).ToString("HH:mm", PtBr)}. "
                + "Se precisar, digite ATENDENTE para falar com uma pessoa."));
            return (c, replies);
        }
        if (c.LockedUntil is not null) c = c with { LockedUntil = null, Failures = 0 }; // the lock expired

        var sessionExpired = c.VerifiedAt is not null && c.LastInboundAt is { } last && now - last > _options.SessionIdle;
        if (c.Phase == ConversationPhase.New || sessionExpired)
        {
            var candidates = await FindCandidatesAsync(inbound.From, ct);
            replies.Add(new BotText($"Olá! Aqui é o assistente virtual da {_options.CompanyName}."));
            replies.Add(new BotText(AskSecondFactor()));
            return (new Conversation
            {
                Phase = ConversationPhase.AwaitingSecondFactor,
                Candidates = candidates,
                Failures = c.Failures,
                Seen = c.Seen,
                LastInboundAt = c.LastInboundAt,
            }, replies);
        }

        switch (c.Phase)
        {
            case ConversationPhase.AwaitingSecondFactor:
            case ConversationPhase.AwaitingFullDocument:
                return await VerifyAsync(c, text, now, ct);
            case ConversationPhase.Menu:
            case ConversationPhase.ChoosingInvoice:
                return await MenuAsync(c, inbound, text, ct);
            default:
                return (c with { Phase = ConversationPhase.New }, replies);
        }
    }

    private string AskSecondFactor() =>
        $"Para sua segurança, antes de mostrar qualquer informação: digite os {_options.SecondFactorDigits} primeiros dígitos do CPF ou CNPJ do titular do contrato.";

    private async Task<IReadOnlyList<string>> FindCandidatesAsync(string waId, CancellationToken ct)
    {
        // PhoneNumber.Parse adds the ninth digit to a mobile written without it (wa_ids of older accounts outside DDDs
        // 11-28 keep eight digits); the ERP lookup compares DDD + the last eight digits, so both forms match.
        if (!PhoneNumber.TryParse(waId, out var phone)) return [];
        try
        {
            var found = await _billing.FindCustomersAsync(CustomerLookup.ByPhone(phone), ct);
            return [.. found.Where(x => x.Document is not null).Select(x => x.Id).Distinct(StringComparer.Ordinal)];
        }
        catch (ConnectorNotFoundException)
        {
            return [];
        }
    }

    private async Task<(Conversation, List<BotMessage>)> VerifyAsync(Conversation c, string text, DateTimeOffset now, CancellationToken ct)
    {
        var replies = new List<BotMessage>();
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var full = c.Phase == ConversationPhase.AwaitingFullDocument;
        var expected = full ? 0 : _options.SecondFactorDigits;
        if (digits.Length == 0 || (!full && digits.Length != expected) || (full && digits.Length is not (11 or 14)))
        {
            // Not an answer (a greeting, a question): ask again without counting a failure.
            replies.Add(new BotText(full ? "Digite o CPF ou CNPJ completo do titular, só os números." : AskSecondFactor()));
            return (c, replies);
        }

        var matches = new List<Customer>();
        foreach (var id in c.Candidates)
        {
            var customer = (await _billing.FindCustomersAsync(CustomerLookup.ById(id), ct)).FirstOrDefault();
            var document = customer?.Document?.Value;
            if (document is null) continue;
            if (full ? string.Equals(document, digits, StringComparison.Ordinal) : document.StartsWith(digits, StringComparison.Ordinal))
            {
                matches.Add(customer!);
            }
        }

        if (matches.Count == 1)
        {
            var customer = matches[0];
            var verified = c with { Phase = ConversationPhase.Menu, CustomerId = customer.Id, VerifiedAt = now, Failures = 0 };
            replies.Add(new BotText($"Obrigado, {FirstName(customer.Name)}! Identidade confirmada."));
            replies.AddRange(await MenuMessagesAsync(customer.Id, ct));
            return (verified, replies);
        }
        if (matches.Count > 1)
        {
            replies.Add(new BotText("Há mais de um cadastro com este número. Digite o CPF ou CNPJ completo do titular, só os números."));
            return (c with { Phase = ConversationPhase.AwaitingFullDocument }, replies);
        }

        // No match (also when this number is in no cadastro: the answer is the same, so nobody learns which).
        var failures = c.Failures + 1;
        if (failures >= _options.MaxSecondFactorFailures)
        {
            var until = now + _options.Lockout;
            replies.Add(new BotText(
                $"Os dados não conferem. Por segurança, a consulta por aqui ficou bloqueada por {(int)_options.Lockout.TotalMinutes} minutos. "
                + "Se precisar, digite ATENDENTE para falar com uma pessoa."));
            _logger.LogWarning("Second factor failed {Failures} times: locked until {Until:O}.", failures, until);
            return (c with { Failures = 0, LockedUntil = until, Phase = ConversationPhase.AwaitingSecondFactor }, replies);
        }
        replies.Add(new BotText($"Os dados não conferem. Tente de novo ({_options.MaxSecondFactorFailures - failures} tentativa(s) restante(s))."));
        return (c with { Failures = failures }, replies);
    }

    private async Task<List<BotMessage>> MenuMessagesAsync(string customerId, CancellationToken ct)
    {
        var debt = await _billing.GetDebtStatusAsync(customerId, ct);
        var summary = debt.HasOverdue
            ? $"Você tem {debt.Overdue.Count} fatura(s) vencida(s), total {Money.Format(debt.TotalOverdue)}."
            : debt.Upcoming.Count > 0
                ? $"Nada vencido. Próxima fatura: {Money.Format(debt.Upcoming[0].OpenAmount)} em {debt.Upcoming[0].DueDate.ToString("dd/MM", PtBr)}."
                : "Você não tem faturas em aberto.";
        return
        [
            new BotButtons(summary + " Como posso ajudar?",
            [
                new BotChoice(ChoiceSecondCopy, "Segunda via"),
                new BotChoice(ChoiceTrustUnlock, "Desbloqueio"),
                new BotChoice(ChoiceHuman, "Falar com atendente"),
            ]),
        ];
    }

    private async Task<(Conversation, List<BotMessage>)> MenuAsync(Conversation c, BotInbound inbound, string text, CancellationToken ct)
    {
        var customerId = c.CustomerId!;
        var choice = inbound.ChoiceId ?? ChoiceFromText(text, c.Phase);
        var replies = new List<BotMessage>();

        if (choice is not null && choice.StartsWith(ChoiceInvoicePrefix, StringComparison.Ordinal))
        {
            var invoiceId = choice[ChoiceInvoicePrefix.Length..];
            var debt = await _billing.GetDebtStatusAsync(customerId, ct);
            // Only this customer's open invoices: a crafted row id for someone else's invoice gets nothing.
            var invoice = debt.Overdue.Concat(debt.Upcoming).FirstOrDefault(i => i.Id == invoiceId);
            if (invoice is null)
            {
                replies.Add(new BotText("Não encontrei essa fatura em aberto."));
                replies.AddRange(await MenuMessagesAsync(customerId, ct));
                return (c with { Phase = ConversationPhase.Menu }, replies);
            }
            replies.AddRange(await SecondCopyAsync(customerId, invoice, inbound.From, debt.AsOf, ct));
            return (c with { Phase = ConversationPhase.Menu }, replies);
        }

        switch (choice)
        {
            case ChoiceSecondCopy:
            {
                var debt = await _billing.GetDebtStatusAsync(customerId, ct);
                var open = debt.Overdue.Concat(debt.Upcoming).ToList();
                if (open.Count == 0)
                {
                    replies.Add(new BotText("Você não tem faturas em aberto. 🎉"));
                    return (c, replies);
                }
                if (open.Count == 1)
                {
                    replies.AddRange(await SecondCopyAsync(customerId, open[0], inbound.From, debt.AsOf, ct));
                    return (c with { Phase = ConversationPhase.Menu }, replies);
                }
                replies.Add(new BotList("De qual fatura você quer a segunda via?", "Ver faturas",
                    [.. open.Take(10).Select(i => new BotChoice(ChoiceInvoicePrefix + i.Id,
                        $"{i.DueDate.ToString("dd/MM/yyyy", PtBr)} {Money.Format(i.OpenAmount)}",
                        i.IsOverdueOn(debt.AsOf) ? $"vencida há {i.DaysOverdueOn(debt.AsOf)} dia(s)" : "a vencer"))]));
                return (c with { Phase = ConversationPhase.ChoosingInvoice }, replies);
            }
            case ChoiceTrustUnlock:
                replies.AddRange(await TrustUnlockAsync(customerId, ct));
                return (c with { Phase = ConversationPhase.Menu }, replies);
            default:
                replies.Add(new BotText("Não entendi. Escolha uma opção:"));
                replies.AddRange(await MenuMessagesAsync(customerId, ct));
                return (c with { Phase = ConversationPhase.Menu }, replies);
        }
    }

    private async Task<List<BotMessage>> SecondCopyAsync(string customerId, Invoice invoice, string waId, DateOnly today, CancellationToken ct)
    {
        var customer = (await _billing.FindCustomersAsync(CustomerLookup.ById(customerId), ct)).Single();
        return [.. await _secondCopy.BuildAsync(customer, invoice, waId, today, ct)];
    }

    private async Task<List<BotMessage>> TrustUnlockAsync(string customerId, CancellationToken ct)
    {
        var debt = await _billing.GetDebtStatusAsync(customerId, ct);
        var blocked = debt.Contracts.Where(k => k.Access.Status != AccessStatus.Active && k.Access.Status != AccessStatus.Inactive).ToList();
        if (blocked.Count == 0)
        {
            return [new BotText("Sua conexão está ativa: não há bloqueio para liberar.")];
        }
        var replies = new List<BotMessage>();
        foreach (var contract in blocked)
        {
            TrustUnlockResult result;
            try
            {
                result = await _billing.RequestTrustUnlockAsync(contract.Id, ct);
            }
            catch (NotSupportedException)
            {
                return [new BotText("O desbloqueio de confiança não está disponível. Digite ATENDENTE para falar com uma pessoa.")];
            }
            replies.Add(new BotText(result.Outcome switch
            {
                TrustUnlockOutcome.Granted => "Pronto! Liberei sua internet em confiança"
                    + (result.Until is { } u ? $" até {TimeZoneInfo.ConvertTime(u, BrazilTime.Zone).ToString("dd/MM 'às' HH:mm", PtBr)}" : "")
                    + ". Se não voltar em alguns minutos, desligue e ligue o roteador. Pague a fatura até lá para não bloquear de novo.",
                TrustUnlockOutcome.AlreadyActive => "Sua conexão já está liberada.",
                TrustUnlockOutcome.LimitReached => "O desbloqueio de confiança já foi usado neste período. Pague pela segunda via (Pix libera na hora) ou digite ATENDENTE.",
                _ => "Não foi possível liberar em confiança agora. Digite ATENDENTE para falar com uma pessoa.",
            }));
        }
        return replies;
    }

    private static string? ChoiceFromText(string text, ConversationPhase phase)
    {
        var t = text.ToLowerInvariant();
        if (t is "1" || t.Contains("segunda", StringComparison.Ordinal) || t.Contains("2ª", StringComparison.Ordinal) || t.Contains("boleto", StringComparison.Ordinal) || t.Contains("pix", StringComparison.Ordinal))
            return ChoiceSecondCopy;
        if (t is "2" || t.Contains("desbloq", StringComparison.Ordinal) || t.Contains("liberar", StringComparison.Ordinal))
            return ChoiceTrustUnlock;
        if (t is "3") return ChoiceHuman;
        return null;
    }

    private static bool IsHumanRequest(string text)
    {
        var t = text.ToLowerInvariant();
        return t.Contains("atendente", StringComparison.Ordinal) || t.Contains("humano", StringComparison.Ordinal) || t == "pessoa";
    }

    private static string FirstName(string name)
    {
        var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
        return first.Length == 0 ? first : char.ToUpperInvariant(first[0]) + first[1..].ToLowerInvariant();
    }
}
