namespace Bindings.Client;

/// <summary>The format the service is asked to answer in (the <c>Format</c> parameter).</summary>
public enum ResponseFormat
{
    /// <summary>JSON (<c>Format=JSON</c>), read by the generated <c>ParseJsonAsync</c>. The default.</summary>
    Json,

    /// <summary>XML (<c>Format=XML</c>), read by the generated <c>ParseXmlAsync</c>.</summary>
    Xml,
}
