using StarRating.Rules;

namespace StarRating.Testing;

/// <summary>Messages of the engine in words, for assertions: <c>explanation.Zh</c>, <c>notice.Text.En</c>.</summary>
internal static class MessageText
{
    extension(Message message)
    {
        /// <summary>The message in Chinese (审核).</summary>
        public string Zh => message.ToString(Wording.Chinese);

        /// <summary>The message in English.</summary>
        public string En => message.ToString(Wording.English);
    }
}
