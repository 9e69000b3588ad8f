FAKE_TOKEN = "test-token"  ⟪decoy⟫
DUMMY_KEY = "dummy-api-key-for-tests"  ⟪decoy⟫
