namespace Cobranca.Connectors.Workflows;

/// <summary>Progress of a dunning run, reported after each customer.</summary>
/// <param name="CustomersCompleted">Customers done so far.</param>
/// <param name="CustomersTotal">Customers with open invoices in the run.</param>
/// <param name="ActionsExecuted">Actions executed (or planned, in a dry run) so far.</param>
/// <param name="ActionsFailed">Actions and customers failed so far.</param>
public readonly record struct DunningProgress(int CustomersCompleted, int CustomersTotal, int ActionsExecuted, int ActionsFailed);
