package org.nqpf.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestTest {

  private static final List<String> FIRM_KEYS = List.of(
      "count", "soeShare", "privateSectors", "soeSectors", "privateMeanEmployment", "employmentLogSd",
      "soeSizeMultiplier", "productivityLogSd", "soeLabourProductivity", "capitalPerOutput",
      "soeCapitalPerOutput", "initialCashToSales", "nearCampusShare", "rdIntensity", "soeRdIntensity",
      "dividendPayout");

  @ParameterizedTest(name = "distance({0}, {1}) = {2}")
  @CsvSource({
      "'', '', 0",
      "abc, '', 3",
      "'', abc, 3",
      "count, count, 0",
      "count, cuont, 2",
      "count, coutn, 2",
      "count, cont, 1",
      "count, counts, 1",
      "count, mount, 1",
      "kitten, sitting, 3",
      "flaw, lawn, 2",
      "intention, execution, 5",
      "Count, count, 1",
  })
  void levenshteinDistance(String a, String b, int expected) {
    assertThat(Suggest.distance(a, b)).isEqualTo(expected);
    assertThat(Suggest.distance(b, a)).as("symmetric").isEqualTo(expected);
  }

  @Test
  void distanceIsATriangleMetricOnSamples() {
    List<String> words = List.of("count", "cuont", "soeShare", "soeSectors", "", "rdIntensity", "seed");
    for (String a : words) {
      assertThat(Suggest.distance(a, a)).isZero();
      for (String b : words) {
        for (String c : words) {
          assertThat(Suggest.distance(a, c)).isLessThanOrEqualTo(Suggest.distance(a, b) + Suggest.distance(b, c));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "cuont, count",
      "coutn, count",
      "cout, count",
      "Count, count",
      "COUNT, count",
      "soeshare, soeShare",
      "soeShar, soeShare",
      "rdIntensty, rdIntensity",
      "soeRDintensity, soeRdIntensity",
      "privateMeanEmploymnet, privateMeanEmployment",
      "dividendPayot, dividendPayout",
      "capitalPerOutputs, capitalPerOutput",
  })
  void suggestsTheClosestKey(String typo, String expected) {
    assertThat(Suggest.closest(typo, FIRM_KEYS)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> no suggestion")
  @CsvSource({"xyz", "population", "banks", "universities", "q"})
  void suggestsNothingWhenNoKeyIsClose(String key) {
    assertThat(Suggest.closest(key, FIRM_KEYS)).isNull();
  }

  @Test
  void toleranceIsAtLeastTwoEditsAndGrowsWithTheKeyLength() {
    // Short keys tolerate two edits...
    assertThat(Suggest.closest("ab", List.of("abcd"))).isEqualTo("abcd");
    assertThat(Suggest.closest("ab", List.of("abcde"))).isNull();
    // ...long keys a third of their length.
    assertThat(Suggest.closest("abcdefghijkl", List.of("abcdefghXXXX"))).isEqualTo("abcdefghXXXX");
    assertThat(Suggest.closest("abcdefghijkl", List.of("abcdefgXXXXX"))).isNull();
  }

  @Test
  void tiesGoToTheFirstKnownKey() {
    assertThat(Suggest.closest("cat", List.of("bat", "hat"))).isEqualTo("bat");
    assertThat(Suggest.closest("cat", List.of("hat", "bat"))).isEqualTo("hat");
  }

  @Test
  void noKnownKeysMeansNoSuggestion() {
    assertThat(Suggest.closest("count", List.of())).isNull();
  }

  @Test
  void anExactMatchIsItsOwnSuggestionInTheKnownSpelling() {
    assertThat(Suggest.closest("SOESHARE", FIRM_KEYS)).isEqualTo("soeShare");
  }
}
