namespace RmaBackOffice.Features.Articles;

/// <summary>A workflow rule refused the change; the message says why, in the editor's words.</summary>
public sealed class ArticleRuleException(string message) : Exception(message);
