/** The invitation email, in Russian, the platform's language; plain text. */
export const invitationMail = ({ clinicName, link }: { clinicName: string; link: string }) => ({
  subject: `Приглашение управлять клиникой «${clinicName}» — VixenHealth`,
  text: [
    'Здравствуйте!',
    '',
    `Вас пригласили стать администратором клиники «${clinicName}» на VixenHealth.`,
    'Чтобы принять приглашение, откройте ссылку и войдите с VixenHealth ID под этим адресом почты:',
    '',
    link,
    '',
    'Ссылка действует 7 дней. Если вы не ждали этого письма, просто не отвечайте на него.',
    'VixenHealth',
  ].join('\n'),
});
