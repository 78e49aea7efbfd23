using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using StarRating.Server.Storage;

namespace StarRating.Server.Security;

/// <summary>
/// Passwords, API tokens and session secrets. Passwords go through ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned format, from the shared framework). Tokens and
/// session secrets are 256 random bits, so a fast SHA-256 is all the database keeps of them: the secret itself is
/// shown once and never stored or logged.
/// </summary>
internal static class Secrets
{
    public const int MinimumPasswordLength = 8;

    private static readonly PasswordHasher<UserRecord> Hasher = new();
    private static readonly UserRecord Nobody = new(0, "", "", null);

    /// <summary>A hash of a password known to no one, checked when the user does not exist, so timing does not tell.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(Nobody, NewSecret("decoy")));

    public static string HashPassword(string password) => Hasher.HashPassword(Nobody, password);

    public static bool VerifyPassword(string? hash, string password)
    {
        var verdict = Hasher.VerifyHashedPassword(Nobody, hash ?? DecoyHash.Value, password);
        return hash is not null && verdict != PasswordVerificationResult.Failed;
    }

    /// <summary>A new secret: a prefix that says what it is, and 256 random bits in base64url.</summary>
    public static string NewSecret(string prefix) => prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool FixedTimeEquals(string? a, string? b) =>
        a is not null && b is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
