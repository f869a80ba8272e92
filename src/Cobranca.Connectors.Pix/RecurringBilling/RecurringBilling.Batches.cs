using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

// lotecobv for the customers not enrolled. Each batch is a journal entry (BatchState) written to the state store before
// anything is sent: its id, description and exact charges. Its invoices are claimed (one ChargeState each, stage
// "batched"), then the PUT is recorded and sent, then the PSP's per-charge outcome is copied onto each invoice and the
// entry is removed. Any pass — this one, a re-run, another worker — resumes an entry where it stopped, and re-sends
// exactly the same body (PUT /lotecobv/{id} with the same txids is a revision, never a second batch).
public sealed partial class RecurringBilling
{
    /// <summary>Writes one journal entry per chunk of candidates (nothing is sent yet).</summary>
    private async Task<Dictionary<string, string>> StartBatchesAsync(List<RecurringInvoice> candidates, CancellationToken ct)
    {
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var size = Math.Max(1, Math.Min(_options.DueChargeBatchSize ?? int.MaxValue, _batches!.MaxChargesPerBatch));
        var today = BrazilTime.Today(_time);
        var items = new List<(RecurringInvoice Invoice, BatchItemState Item)>(candidates.Count);
        foreach (var invoice in candidates)
        {
            // What the PUT would refuse as a whole is kept out of the batch and reported alone.
            string? problem = null;
            if (invoice.Amount <= 0) problem = "The amount must be positive.";
            else if (string.IsNullOrWhiteSpace(invoice.Name)) problem = "The payer's name is required for a cobv.";
            else if (invoice.Document.Value.Length == 0) problem = "The payer's CPF or CNPJ is required for a cobv.";
            string txid = string.Empty;
            try
            {
                txid = PixTxid.ForInvoice(_options.DueChargeTxidPrefix, invoice.InvoiceId);
            }
            catch (ArgumentException ex)
            {
                problem ??= ex.Message;
            }

            if (problem is not null)
            {
                failures[invoice.InvoiceId] = problem;
                continue;
            }

            items.Add((invoice, new BatchItemState
            {
                InvoiceId = invoice.InvoiceId,
                CustomerId = invoice.CustomerId,
                Txid = txid,
                DueDate = invoice.DueDate >= today ? invoice.DueDate : today.AddDays(_options.FallbackDueInDays),
                Amount = invoice.Amount,
                Document = invoice.Document.Value,
                Name = invoice.Name,
                ValidityDays = _options.FallbackValidityDays,
            }));
        }

        foreach (var chunk in items.Chunk(size))
        {
            long id;
            try
            {
                id = await AllocateBatchIdAsync(ct).ConfigureAwait(false);
            }
            catch (ConnectorException ex)
            {
                foreach (var (invoice, _) in chunk) failures[invoice.InvoiceId] = ex.Message;
                continue;
            }

            var batch = new BatchState
            {
                Key = RecurringBillingStore.BatchPrefix + id.ToString("D10", CultureInfo.InvariantCulture),
                BatchId = id.ToString(CultureInfo.InvariantCulture),
                Description = BatchDescription(id.ToString(CultureInfo.InvariantCulture)),
                PixKey = _options.PixKey,
                Items = chunk.Select(c => c.Item).ToList(),
            };
            if (!await _store.Charges.TryAddAsync(batch.Key, RecurringBillingStore.WriteBatch(batch), ct).ConfigureAwait(false))
            {
                // The counter and the journal disagree (a store edited by hand): take nothing from it.
                foreach (var (invoice, _) in chunk) failures[invoice.InvoiceId] = $"lotecobv journal {batch.Key} already exists; the next pass tries a new id";
            }
        }

        return failures;
    }

    /// <summary>
    /// Drives every open journal entry one step as far as it goes: claim its invoices, send it, read the PSP's outcome.
    /// With <paramref name="claimOnly"/>, only claims (done before a pass picks new candidates, so that an entry left
    /// half-claimed by a crash keeps its invoices). Returns each entry's batch id as it stands after this step, and the
    /// error of each entry that could not go on (both by key).
    /// </summary>
    private async Task<BatchPass> DriveBatchesAsync(bool claimOnly, CancellationToken ct)
    {
        var pass = new BatchPass();
        var open = new List<StateEntry>();
        await foreach (var entry in _store.Charges.ListAsync(RecurringBillingStore.BatchPrefix, ct).ConfigureAwait(false)) open.Add(entry);
        foreach (var entry in open)
        {
            var batch = RecurringBillingStore.ReadBatch(entry);
            var version = entry.Version;
            try
            {
                if (batch.Stage == "claiming")
                {
                    version = await ClaimAsync(batch, version, ct).ConfigureAwait(false);
                    if (version == 0) continue;
                }

                if (claimOnly) continue;
                if (batch.Stage == "sending")
                {
                    version = await SendAsync(batch, version, ct).ConfigureAwait(false);
                    if (version == 0) continue;
                }

                if (batch.Stage == "sent") await CollectAsync(batch, version, ct).ConfigureAwait(false);
            }
            catch (ConnectorException ex)
            {
                pass.Errors[batch.Key] = ex.Message + " (the next pass re-sends the identical batch)";
            }
            finally
            {
                pass.BatchIds[batch.Key] = batch.BatchId;
            }
        }

        return pass;
    }

    /// <summary>What one drive over the open journal entries left: batch ids and errors by entry key.</summary>
    private sealed class BatchPass
    {
        public Dictionary<string, string> BatchIds { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Claims the entry's invoices; drops those another entry or worker holds. Returns the new version, 0 to stop here.</summary>
    private async Task<long> ClaimAsync(BatchState batch, long version, CancellationToken ct)
    {
        var kept = new List<BatchItemState>(batch.Items.Count);
        foreach (var item in batch.Items)
        {
            var claim = new ChargeState
            {
                InvoiceId = item.InvoiceId,
                CustomerId = item.CustomerId,
                DueDate = item.DueDate,
                Amount = item.Amount,
                Stage = "batched",
                BatchKey = batch.Key,
                BatchTxid = item.Txid,
            };
            if (await _store.TryAddChargeAsync(claim, ct).ConfigureAwait(false))
            {
                kept.Add(item);
                continue;
            }

            var (existing, _) = await _store.GetChargeAsync(item.InvoiceId, ct).ConfigureAwait(false);
            if (existing?.BatchKey == batch.Key) kept.Add(item); // claimed by an earlier pass over this entry
        }

        if (kept.Count == 0)
        {
            await _store.Charges.RemoveAsync(batch.Key, ct).ConfigureAwait(false);
            return 0;
        }

        batch.Items = kept;
        batch.Stage = "sending";
        return await SaveBatchAsync(batch, version, ct).ConfigureAwait(false);
    }

    /// <summary>Sends the entry (PUT, recorded first); a refused batch records every charge as denied. Returns the new version, 0 to stop here.</summary>
    private async Task<long> SendAsync(BatchState batch, long version, CancellationToken ct)
    {
        // Nothing sent under this id yet: make sure no other batch holds it at the PSP (a new or restored store counts
        // from FirstDueChargeBatchId again), else take the next id. A PUT on a taken id would be refused, or worse, read
        // as a revision of somebody else's batch.
        while (batch.Sends == 0 && await FindAtPspAsync(batch.BatchId, ct).ConfigureAwait(false) is { } taken)
        {
            if (SameCharges(taken, batch)) break;
            await RenumberAsync(batch, ct).ConfigureAwait(false);
        }

        batch.Sends++;
        version = await SaveBatchAsync(batch, version, ct).ConfigureAwait(false);
        if (version == 0) return 0;
        try
        {
            await _batches!.CreateDueChargeBatchAsync(batch.BatchId, Request(batch), ct).ConfigureAwait(false);
        }
        catch (ConnectorValidationException refused)
        {
            // Refused as a whole. If the PSP holds exactly these charges under this id, it is ours (an earlier answer
            // was lost and this revision was refused): read it. If it holds other charges, the id was taken meanwhile:
            // start again under a new id (none of ours were created). Else the batch itself is invalid.
            var taken = await FindAtPspAsync(batch.BatchId, ct).ConfigureAwait(false);
            if (taken is null)
            {
                var why = Describe(refused.ProviderErrorCode, refused.Violations);
                foreach (var item in batch.Items)
                {
                    // A lost compare-and-swap means another worker wrote the invoice: read again (it then reads as recorded).
                    for (var attempt = 0; attempt < 3 && !await RecordAsync(batch, item, "denied", why, ct).ConfigureAwait(false); attempt++)
                    {
                    }
                }

                await _store.Charges.RemoveAsync(batch.Key, ct).ConfigureAwait(false);
                return 0;
            }

            if (!SameCharges(taken, batch))
            {
                await RenumberAsync(batch, ct).ConfigureAwait(false);
                batch.Sends = 0;
                await SaveBatchAsync(batch, version, ct).ConfigureAwait(false);
                return 0;
            }
        }

        batch.Stage = "sent";
        return await SaveBatchAsync(batch, version, ct).ConfigureAwait(false);
    }

    /// <summary>Reads the batch at the PSP and records each final outcome on its invoice; removes the entry when all are recorded.</summary>
    private async Task CollectAsync(BatchState batch, long version, CancellationToken ct)
    {
        var psp = await FindAtPspAsync(batch.BatchId, ct).ConfigureAwait(false);
        if (psp is null)
        {
            // Accepted but unknown now (a PSP that lost it, or an eventually consistent read): send it again, identically.
            batch.Stage = "sending";
            await SaveBatchAsync(batch, version, ct).ConfigureAwait(false);
            return;
        }

        var byTxid = psp.Entries.GroupBy(e => e.Txid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var changed = false;
        foreach (var item in batch.Items.Where(i => !i.Done))
        {
            if (!byTxid.TryGetValue(item.Txid, out var entry)) continue;
            var stage = entry.Status switch
            {
                PixBatchItemStatus.Created => "issued",
                PixBatchItemStatus.Denied => "denied",
                _ => null,
            };
            if (stage is null) continue;
            if (await RecordAsync(batch, item, stage, stage == "denied" ? Describe(entry.ErrorCode, entry.Violations) : null, ct).ConfigureAwait(false))
            {
                item.Done = true;
                changed = true;
            }
        }

        if (batch.Items.All(i => i.Done))
            await _store.Charges.RemoveAsync(batch.Key, ct).ConfigureAwait(false);
        else if (changed)
            await SaveBatchAsync(batch, version, ct).ConfigureAwait(false);
    }

    /// <summary>Copies a charge's final outcome onto its invoice; true when recorded (or the invoice is no longer this entry's).</summary>
    private async Task<bool> RecordAsync(BatchState batch, BatchItemState item, string stage, string? detail, CancellationToken ct)
    {
        var (state, version) = await _store.GetChargeAsync(item.InvoiceId, ct).ConfigureAwait(false);
        if (state is null || state.BatchKey != batch.Key || state.Stage != "batched") return true;
        state.Stage = stage;
        state.BatchId = batch.BatchId;
        state.Detail = detail;
        return await _store.TryUpdateChargeAsync(state, version, ct).ConfigureAwait(false);
    }

    /// <summary>The line of an invoice claimed by a batch, from its stored state.</summary>
    /// <remarks>The batch id of a charge still in an open entry comes from <paramref name="pass"/>: the entry (up to a
    /// thousand charges) is not read again for each of its invoices.</remarks>
    private async Task<RecurringInvoiceResult> BatchLineAsync(RecurringInvoice invoice, BatchPass pass, CancellationToken ct)
    {
        var (state, _) = await _store.GetChargeAsync(invoice.InvoiceId, ct).ConfigureAwait(false);
        if (state is null) return Result(invoice, RecurringInvoiceOutcome.Failed, null, "not batched this pass; the next pass tries again");
        if (state.Stage == "batched")
        {
            var batchId = state.BatchKey is not null && pass.BatchIds.TryGetValue(state.BatchKey, out var id) ? id : null;
            if (state.BatchKey is not null && pass.Errors.TryGetValue(state.BatchKey, out var error))
                return Result(invoice, RecurringInvoiceOutcome.Failed, state, error, batchId);
            return Result(invoice, RecurringInvoiceOutcome.DueChargeBatched, state, null, batchId);
        }

        return StateLine(invoice, state);
    }

    private RecurringInvoiceResult StateLine(RecurringInvoice invoice, ChargeState state) => state.Stage switch
    {
        "batched" => Result(invoice, RecurringInvoiceOutcome.DueChargeBatched, state, null),
        "issued" => Result(invoice, RecurringInvoiceOutcome.DueChargeIssued, state, null),
        _ => Result(invoice, RecurringInvoiceOutcome.DueChargeDenied, state, state.Detail),
    };

    private async Task<PixDueChargeBatch?> FindAtPspAsync(string batchId, CancellationToken ct)
    {
        try
        {
            return await _batches!.GetDueChargeBatchAsync(batchId, ct).ConfigureAwait(false);
        }
        catch (ConnectorNotFoundException)
        {
            return null;
        }
    }

    private static bool SameCharges(PixDueChargeBatch psp, BatchState batch) =>
        psp.Entries.Select(e => e.Txid).ToHashSet(StringComparer.Ordinal).SetEquals(batch.Items.Select(i => i.Txid));

    /// <summary>Moves an entry not sent yet to the next free id (its own was found taken at the PSP).</summary>
    private async Task RenumberAsync(BatchState batch, CancellationToken ct)
    {
        batch.BatchId = (await AllocateBatchIdAsync(ct).ConfigureAwait(false)).ToString(CultureInfo.InvariantCulture);
        batch.Description = BatchDescription(batch.BatchId);
    }

    private string BatchDescription(string batchId) => $"{_options.DueChargeBatchDescription} (lote {batchId})";

    /// <summary>Takes the next batch id from the counter in the state store (compare-and-swap, so workers never share one).</summary>
    private async Task<long> AllocateBatchIdAsync(CancellationToken ct)
    {
        var first = _options.FirstDueChargeBatchId;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var entry = await _store.Charges.GetAsync(RecurringBillingStore.BatchCounterKey, ct).ConfigureAwait(false);
            var next = entry is null ? first : Math.Max(first, long.Parse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture));
            if (next > int.MaxValue)
                throw new ConnectorException("workflow", "recurring-billing", "No lotecobv id is left below 2^31; set RecurringBillingOptions.FirstDueChargeBatchId to a free range.");
            var value = (next + 1).ToString(CultureInfo.InvariantCulture);
            var taken = entry is null
                ? await _store.Charges.TryAddAsync(RecurringBillingStore.BatchCounterKey, value, ct).ConfigureAwait(false)
                : await _store.Charges.TryUpdateAsync(RecurringBillingStore.BatchCounterKey, value, entry.Version, ct).ConfigureAwait(false) is not null;
            if (taken) return next;
        }
    }

    /// <summary>Compare-and-swap of the entry; 0 when another worker wrote first (it goes on with the entry).</summary>
    private async Task<long> SaveBatchAsync(BatchState batch, long version, CancellationToken ct) =>
        await _store.Charges.TryUpdateAsync(batch.Key, RecurringBillingStore.WriteBatch(batch), version, ct).ConfigureAwait(false) is { } saved ? saved.Version : 0;

    private static PixDueChargeBatchRequest Request(BatchState batch) => new()
    {
        Description = batch.Description,
        Charges = batch.Items.Select(item => new PixDueChargeBatchItem
        {
            Txid = item.Txid,
            Charge = new PixDueChargeRequest
            {
                Key = batch.PixKey,
                Amount = item.Amount,
                DueDate = item.DueDate,
                ValidityAfterDueDays = item.ValidityDays,
                Debtor = new PixDebtor { Document = Document.Parse(item.Document), Name = item.Name },
                PayerMessage = "Fatura " + item.InvoiceId,
            },
        }).ToList(),
    };

    /// <summary>The problem type and the refused fields (never their values: they may be personal data).</summary>
    private static string Describe(string? code, IReadOnlyList<FieldViolation> violations)
    {
        var fields = violations.Select(v => v.Field).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var head = string.IsNullOrEmpty(code) ? "refused by the PSP" : code;
        return fields.Count == 0 ? head : head + ": " + string.Join(", ", fields);
    }
}
