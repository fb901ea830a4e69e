package io.routebench.inference.download;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Katanemo's published GGUF builds of Arch-Router-1.5B: which repository, which file a quantisation
 * is, and the licence a user accepts by downloading it. Sizes and hashes are never kept here: they
 * come from the hub each time.
 */
public final class ArchRouterGguf {

  public static final String REPOSITORY = "katanemo/Arch-Router-1.5B.gguf";
  public static final String DEFAULT_QUANT = "Q4_K_M";
  public static final String MODEL_PAGE = "https://huggingface.co/" + REPOSITORY;

  /** The licence's name on the model card; shown before a download, accepted by the user. */
  public static final String LICENCE_NAME = "katanemo-research";

  public static final String LICENCE_SUMMARY =
      "Arch-Router-1.5B is published by Katanemo under the Katanemo research licence"
          + " ("
          + LICENCE_NAME
          + "), not under an open-source licence. Read its terms on the model page before you"
          + " download: "
          + MODEL_PAGE
          + " — by downloading you accept them.";

  private static final Pattern QUANT =
      Pattern.compile("(?i)^Arch-Router-1\\.5B[-.]([A-Z0-9_]+)\\.gguf$");

  private ArchRouterGguf() {}

  /** The file name of a quantisation when no listing says otherwise. */
  public static String fileName(String quant) {
    return "Arch-Router-1.5B-" + quant.toUpperCase(Locale.ROOT) + ".gguf";
  }

  /** The quantisation a published file name carries ({@code Q4_K_M}), if it is one of ours. */
  public static Optional<String> quantOf(String fileName) {
    Matcher matcher = QUANT.matcher(fileName);
    return matcher.matches()
        ? Optional.of(matcher.group(1).toUpperCase(Locale.ROOT))
        : Optional.empty();
  }

  /** The GGUF files of a listing, smallest first. */
  public static List<PublishedFile> ggufFiles(HuggingFaceHub.RepositoryListing listing) {
    return listing.files().stream()
        .filter(f -> quantOf(f.name()).isPresent())
        .sorted(Comparator.comparingLong(PublishedFile::size))
        .toList();
  }

  /** The listed file of {@code quant}, matched case-insensitively. */
  public static Optional<PublishedFile> find(
      HuggingFaceHub.RepositoryListing listing, String quant) {
    return ggufFiles(listing).stream()
        .filter(f -> quantOf(f.name()).orElseThrow().equalsIgnoreCase(quant))
        .findFirst();
  }
}
