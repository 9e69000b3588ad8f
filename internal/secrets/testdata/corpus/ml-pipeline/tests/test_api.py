FAKE_TOKEN = "test-token"
DUMMY_KEY = "dummy-api-key-for-tests"
