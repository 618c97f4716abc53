/** Spanish (informal "tú", as the Spanish-speaking apps that asked for it address their users). Keys as in en.ts. */
import type { Catalogue } from './en.js';

export const es: Catalogue = {
  errors: {
    UNAUTHENTICATED: 'Debes iniciar sesión.',
    FORBIDDEN: 'No tienes permiso para hacer esto.',
    INVALID_CREDENTIALS: 'Correo electrónico o contraseña incorrectos.',
    EMAIL_NOT_VERIFIED: 'Verifica tu dirección de correo antes de iniciar sesión.',
    ACCOUNT_DISABLED: 'Esta cuenta está desactivada.',
    EMAIL_TAKEN: 'Ya existe una cuenta con este correo electrónico.',
    USERNAME_TAKEN: 'Este nombre de usuario ya está en uso.',
    INVALID_CODE: 'El código es incorrecto.',
    CODE_EXPIRED: 'El código ha caducado; solicita uno nuevo.',
    TOO_MANY_ATTEMPTS: 'Demasiados intentos fallidos; solicita un código nuevo.',
    TOKEN_EXPIRED: 'El token ha caducado.',
    TOKEN_INVALID: 'El token no es válido.',
    VALIDATION_FAILED: 'Algunos campos no son válidos.',
    NOT_FOUND: 'No encontrado.',
    CONFLICT: 'El cambio entra en conflicto con el estado actual.',
    LAST_SUPERUSER: 'El último superusuario activo no puede perder su rol, desactivarse ni eliminarse.',
    RATE_LIMITED: 'Demasiadas solicitudes; inténtalo más tarde.',
    BAD_REQUEST: 'La solicitud está mal formada.',
    PAYLOAD_TOO_LARGE: 'El cuerpo de la solicitud es demasiado grande.',
    QUERY_TOO_COMPLEX: 'La consulta supera un límite de complejidad.',
    SERVICE_UNAVAILABLE: 'El servicio no está disponible temporalmente.',
    MFA_ENROLLMENT_REQUIRED: 'Configura un segundo factor antes de hacer cualquier otra cosa.',
    REAUTHENTICATION_REQUIRED: 'Confirma que eres tú: indica tu contraseña o un código del segundo factor.',
    FEATURE_DISABLED: 'Esta función está desactivada en este servidor.',
    PASSKEY_INVALID: 'No se pudo verificar la respuesta de la llave de acceso.',
    REGISTRATION_CLOSED: 'El registro no está abierto en este servidor; pide una invitación.',
  },
  email: {
    greeting: 'Hola, {{firstName}}:',
    greetingAnonymous: 'Hola:',
    securityFooter: 'Si no fuiste tú, cambia tu contraseña y contacta con soporte.',
    openLink: 'Abrir el enlace',
    factors: {
      anAuthenticatorApp: 'una aplicación de autenticación',
      theAuthenticatorApp: 'la aplicación de autenticación',
      everyFactor: 'todos los segundos factores (aplicación de autenticación, códigos de recuperación y llaves de acceso)',
      passkey: 'la llave de acceso «{{name}}»',
    },
    verification_code: {
      subject: 'Tu código de verificación',
      code: 'Tu código de verificación es {{code}}.',
      expiry: 'Caduca en {{minutes}} minutos. Si no te registraste, ignora este correo.',
    },
    password_reset: {
      subject: 'Restablece tu contraseña',
      intro: 'Alguien pidió restablecer la contraseña de tu cuenta. Para elegir una nueva, abre este enlace:',
      expiry: 'El enlace funciona una vez y caduca en {{minutes}} minutos. Si no lo pediste, ignora este correo; tu contraseña no ha cambiado.',
    },
    account_updated: {
      subject: 'Tu cuenta se ha actualizado',
      body: 'Se cambiaron estos datos de tu cuenta: {{fields}}.',
    },
    password_changed: {
      subject: 'Tu contraseña se ha cambiado',
      body: 'Se cambió la contraseña de tu cuenta y se cerró la sesión en tus otros dispositivos.',
    },
    email_change_code: {
      subject: 'Confirma tu nueva dirección de correo',
      body: 'Para que {{newEmail}} sea la dirección de correo de tu cuenta, introduce este código: {{code}}.',
      expiry: 'Caduca en {{minutes}} minutos. Si no lo pediste, ignora este correo.',
    },
    email_change_notice: {
      subject: 'Tu dirección de correo va a cambiar',
      body: 'La dirección de correo de tu cuenta se cambió a {{newEmail}}. Esta dirección ya no recibirá mensajes sobre la cuenta.',
    },
    factor_added: {
      subject: 'Se añadió un método de inicio de sesión a tu cuenta',
      body: 'Se añadió {{factor}} a tu cuenta como forma de iniciar sesión.',
    },
    factor_removed: {
      subject: 'Se quitó un método de inicio de sesión de tu cuenta',
      byAdmin: 'Un administrador quitó {{factor}} de tu cuenta. Vuelve a configurar un segundo factor la próxima vez que inicies sesión.',
      bySelf: 'Se quitó {{factor}} de tu cuenta.',
    },
    recovery_code_used: {
      subject: 'Se usó un código de recuperación',
      body_one:
        'Se usó un código de recuperación para iniciar sesión en tu cuenta. Queda {{count}} código; puedes crear nuevos en tu configuración de seguridad.',
      body_other:
        'Se usó un código de recuperación para iniciar sesión en tu cuenta. Quedan {{count}} códigos; puedes crear nuevos en tu configuración de seguridad.',
    },
    recovery_codes_regenerated: {
      subject: 'Se crearon nuevos códigos de recuperación',
      body: 'Se crearon nuevos códigos de recuperación para tu cuenta; los anteriores ya no funcionan.',
    },
    second_factor_failures: {
      subject: 'Alguien no pudo terminar de iniciar sesión en tu cuenta',
      body: 'Tu contraseña se introdujo correctamente, pero el segundo paso falló demasiadas veces, así que se detuvo el inicio de sesión.',
      bodyFrom: 'Tu contraseña se introdujo correctamente desde {{ip}}, pero el segundo paso falló demasiadas veces, así que se detuvo el inicio de sesión.',
      advice: 'Si no fuiste tú, alguien conoce tu contraseña: cámbiala ahora.',
    },
    changed_by_admin: {
      subject: 'Un administrador cambió tu cuenta',
      email: 'Un administrador cambió la dirección de correo de tu cuenta a {{newEmail}}. Esta dirección ya no recibirá mensajes sobre la cuenta.',
      emailUnknown: 'Un administrador cambió la dirección de correo de tu cuenta a una nueva. Esta dirección ya no recibirá mensajes sobre la cuenta.',
      password: 'Un administrador estableció una contraseña nueva para tu cuenta.',
      deactivated: 'Un administrador desactivó tu cuenta: ya no puedes iniciar sesión y se cerró la sesión en tus dispositivos.',
      reactivated: 'Un administrador reactivó tu cuenta: puedes volver a iniciar sesión.',
      footer: 'Si no esperabas esto, contacta con tu administrador.',
    },
    sign_in_code: {
      subject: 'Tu código de inicio de sesión',
      intro: 'Tu código de inicio de sesión es {{code}}. O abre este enlace para iniciar sesión:',
      expiry: 'El código y el enlace funcionan una vez y caducan en {{minutes}} minutos. Si no pediste iniciar sesión, ignora este correo.',
    },
  },
};
