// Passwords of ten or more characters that appear near the top of published breach lists, and
// patterns people reach for when told "at least ten characters". Compared case-insensitively.
export const commonPasswords: ReadonlySet<string> = new Set([
  "1234567890", "0123456789", "0987654321", "9876543210", "1111111111", "0000000000", "1234512345",
  "1qaz2wsx3edc", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4t5", "qwertyuiop", "qwerty1234", "qwerty12345",
  "qwerty123456", "asdfghjkl;", "asdfghjkl1", "zxcvbnm123", "password12", "password123", "password1234",
  "password!1", "password01", "passw0rd123", "p@ssw0rd123", "p@ssword123", "iloveyou12", "iloveyou123",
  "sunshine123", "princess123", "football123", "baseball123", "basketball", "starwars123", "superman123",
  "batman12345", "dragon1234", "monkey12345", "letmein123", "welcome123", "welcome1234", "admin12345",
  "administrator", "changeme123", "trustno1234", "abcdefghij", "abcd123456", "abc1234567", "a123456789",
  "123456789a", "1234567890a", "123456789q", "123qweasdzxc", "qazwsxedc123", "qazwsxedcrfv", "michael123",
  "jennifer123", "charlie123", "computer123", "internet123", "whatever123", "liverpool1", "chelsea123",
  "arsenal123", "pokemon123", "minecraft1", "minecraft123", "fortnite123", "samsung123", "google1234",
  "facebook123", "linkedin123", "blink18222", "killer1234", "hello12345", "helloworld", "helloworld1",
  "loveyou1234", "iloveyou1!", "mypassword", "mypassword1", "secret1234", "secretpassword", "passwordpassword",
  "letmeinplease", "correcthorsebatterystaple", "thisismypassword", "doesntmatter", "nopassword1",
  "crosscurrents", "crosscurrents1", "crosscurrents123",
]);
