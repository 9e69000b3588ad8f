package filter

import (
	"math"
	"testing"
)

func TestEntropy(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"", 0},
		{"aaaa", 0},
		{"ab", 1},
		{"abcd", 2},
		{"0123456789abcdef", 4},
	}
	for _, tt := range tests {
		if got := Entropy(tt.in); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Entropy(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCharsetOf(t *testing.T) {
	tests := []struct {
		in   string
		want Charset
	}{
		{"deadbeef0123", CharsetHex},
		{"DEADBEEF0123", CharsetHex},
		{"DeadBeef0123", CharsetBase64},
		{"Zk9/qL3pM+x8Tq2v==", CharsetBase64},
		{"ghp_abcXYZ-09", CharsetBase64},
		{"p@ss word!", CharsetOther},
	}
	for _, tt := range tests {
		if got := CharsetOf(tt.in); got != tt.want {
			t.Errorf("CharsetOf(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHighEntropy(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"a9f8e7d6c5b4a3f2e1d0a9f8e7d6c5b4", true},
		{"Zk9qL3pMx8Tq2vR7sN0wYbC4dE6fGhJ1kL5mN9", true},
		{"sk_live_4eC39HqLyjWDarjtT1zdp7dc", true},
		{"q8#Lz!2@vX9$mK4&", true},
		{"short1A", false},
		{"aaaaaaaaaaaaaaaaaaaa", false},
		{"passwordpassword", false},
		{"hello_world_config", false},
		{"0000000000001111", false},
	}
	for _, tt := range tests {
		if got := HighEntropy(tt.in); got != tt.want {
			t.Errorf("HighEntropy(%q) = %v (entropy %.2f), want %v", tt.in, got, Entropy(tt.in), tt.want)
		}
	}
}
