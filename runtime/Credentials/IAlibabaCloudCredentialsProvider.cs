using System.Threading;
using System.Threading.Tasks;
using Bindings.Signing;

namespace Bindings.Credentials;

/// <summary>
/// A source of Alibaba Cloud credentials, asked before every attempt of a call (the model is the
/// Azure SDK's <c>TokenCredential</c> and Alibaba's own <c>IAlibabaCloudCredentialsProvider</c>).
/// Implementations that hand out temporary credentials cache and refresh them (see
/// <see cref="RefreshingCredentialsProvider"/>), so that asking is cheap.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. Failures are an <see cref="AlibabaCloudCredentialsException"/>
/// (<see cref="AlibabaCloudCredentialsUnavailableException"/> when the source is not set up at all,
/// which lets the default chain move on); their messages never hold a secret.
/// </remarks>
public interface IAlibabaCloudCredentialsProvider
{
    /// <summary>The source's name, as Alibaba's credentials libraries call it: <c>env</c>, <c>ecs_ram_role</c>, ...</summary>
    string Name { get; }

    /// <summary>Returns credentials that are valid now.</summary>
    /// <param name="cancellationToken">Cancels the wait (a refresh under way for other callers goes on).</param>
    /// <returns>The credentials, with <see cref="AlibabaCloudCredentials.ProviderName"/> set.</returns>
    /// <exception cref="AlibabaCloudCredentialsException">No credentials could be had.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}
