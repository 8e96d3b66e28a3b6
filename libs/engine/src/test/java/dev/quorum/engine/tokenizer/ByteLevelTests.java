// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteLevelTests {

	@Test
	void mapsBytesAsGpt2Does() {
		assertThat(ByteLevel.charOf(' ')).isEqualTo('\u0120'); // Ġ
		assertThat(ByteLevel.charOf('\n')).isEqualTo('\u010A'); // Ċ
		assertThat(ByteLevel.charOf(0)).isEqualTo('\u0100');
		assertThat(ByteLevel.charOf(0x7F)).isEqualTo('\u0121');
		assertThat(ByteLevel.charOf(0xAD)).isEqualTo('\u0143');
		assertThat(ByteLevel.charOf('A')).isEqualTo('A');
		assertThat(ByteLevel.charOf(0xE9)).isEqualTo('\u00E9');
	}

	@Test
	void everyByteRoundTrips() {
		byte[] all = new byte[256];
		for (int b = 0; b < 256; b++) {
			all[b] = (byte) b;
		}
		String text = ByteLevel.encode(all);
		assertThat(text).isEqualTo(Vocabularies.gpt2Text(all));
		assertThat(text.chars().distinct().count()).isEqualTo(256);
		assertThat(ByteLevel.decode(text)).isEqualTo(all);
	}

	@Test
	void keepsCharactersOutsideTheMappingAsUtf8() {
		assertThat(ByteLevel.decode("a<|x|>\u4F60"))
			.isEqualTo("a<|x|>\u4F60".getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
