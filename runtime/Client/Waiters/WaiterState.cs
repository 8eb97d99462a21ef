namespace Bindings.Client;

/// <summary>What an acceptor of a waiter decides when it matches.</summary>
public enum WaiterState
{
    /// <summary>The wait is over: the resource is in the state waited for.</summary>
    Success,

    /// <summary>The wait is over: the resource reached a state it will not leave for the one waited for.</summary>
    Failure,

    /// <summary>Not yet: poll again after a delay.</summary>
    Retry,
}
